// Summarises orders from a CSV file and writes a JSON report: needs file:read on data/ and
// file:write on output/ (the `data_processing` profile in mlpy.yaml grants exactly that).
import csv;
import json;
import file;
import collections;

rows = csv.read("data/orders.csv");
paid = collections.filter(rows, fn(r) => r.status == "paid");
totals = {};
for (r in paid) {
  amount = float(r.amount);
  totals[r.customer] = json.get(totals, r.customer, 0.0) + amount;
}
report = {orders: len(rows), paid: len(paid), revenue: round(sum(values(totals)), 2), byCustomer: totals};
file.write("output/report.json", json.prettyPrint(report, 2));
print("paid orders:", len(paid), "of", len(rows));
for (name in keys(totals)) {
  print(name, format(totals[name], ".2f"));
}
print("report written to output/report.json");
