// Counts words in a text file. Needs file:read on examples/data: run it once without a grant to
// see the CapabilityError, then with `--allow file:read:data/**` (or `--profile data_processing`).
import file;
import json;
import regex;

text = file.read("data/poem.txt");
words = regex.findall("[a-z']+", text.lower());
counts = {};
for (w in words) {
  counts[w] = json.get(counts, w, 0) + 1;
}
ranked = [];
for (w in keys(counts)) {
  ranked.append([counts[w], w]);
}
ranked = sorted(ranked, true);
print("words:", len(words), "distinct:", len(counts));
for (entry in ranked[0:5]) {
  [n, w] = entry;
  print(w, n);
}
