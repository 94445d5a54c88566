// Uses a user module (lib/stats.ml) to summarise grades. No capabilities beyond the default.
import lib.stats as stats;

grades = {ada: [91, 88, 97], brian: [72, 85, 64], chen: [88, 90, 79, 95]};
for (student in keys(grades)) {
  g = grades[student];
  print(student, "mean", round(stats.mean(g), 1), "median", stats.median(g), "spread", stats.spread(g));
}
everyone = [];
for (g in values(grades)) {
  everyone = everyone + g;
}
print("class median:", stats.median(everyone));
