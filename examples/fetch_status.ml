// Fetches a JSON status document over HTTP. Needs an http:get grant for the URL's host, e.g.
//   mlsec run examples/fetch_status.ml --allow 'http:get:https://status.example.com/**'
// (the `web` profile in mlpy.yaml). Without it the call is refused before any request leaves.
import http;

url = "https://status.example.com/api/v1/status.json";
try {
  response = http.get(url, {Accept: "application/json"}, 5);
  if (response.ok()) {
    status = response.json();
    print("status:", status.indicator, "-", status.description);
  } else {
    print("server answered", response.status());
  }
} except (e) {
  print("request failed:", str(e));
}
