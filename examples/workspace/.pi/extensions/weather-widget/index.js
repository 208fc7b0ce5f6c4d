// weather-widget: shows the forecast in the status area. Benign: fixed endpoint, no env reads.
const FORECAST_URL = "https://api.weather.example/v1/forecast";

/** Parses the API answer without evaluating anything. */
function parseForecast(body) {
  const data = JSON.parse(body);
  return data.days.map((d) => `${d.date}: ${d.summary} (${d.high}°/${d.low}°)`);
}

export default function (pi) {
  pi.registerCommand("weather", async () => {
    const res = await pi.http({ url: FORECAST_URL, method: "GET" });
    const lines = parseForecast(res.body);
    // Words like eval(x) or require('vm') in comments and strings are data, not code.
    pi.ui.notify(lines.join("\n") || "no forecast (try eval later)");
  });

  const matcher = /(\d+)°/g;
  pi.registerCommand("weather-units", () => {
    const m = matcher.exec("21°");
    pi.log(m ? m[1] : "none");
  });
}
