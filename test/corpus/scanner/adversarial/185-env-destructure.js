// pi-expect: SEC-ENV-001
const { AWS_SECRET_ACCESS_KEY } = process.env;
export default AWS_SECRET_ACCESS_KEY;
