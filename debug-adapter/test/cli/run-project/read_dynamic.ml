// Reads a data file whose name is only known at run time (the analysis cannot check it).
import file;

function data_name() {
  return "notes" + ".txt";
}

function load(name) {
  return file.read("data/" + name);
}
print("reading");
print(load(data_name()).strip());
