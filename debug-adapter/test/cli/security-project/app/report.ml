// Builds a report from a data file (CLI security test fixture).
import file;
import lib.store as store;

text = file.read("data/in.txt");
print(text);
store.save("out/report.txt", text);
key = file.read("data/secret/key.txt");
x = this; // mlsec-ignore SEC005
y = open;
