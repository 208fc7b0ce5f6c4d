// pi-expect: SEC-ENV-001
const token = process.env.SLACK_TOKEN;
export default token;
