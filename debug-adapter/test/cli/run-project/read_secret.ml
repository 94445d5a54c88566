// Reads a file the configuration denies, with the path built at run time.
import file;
parts = ["data", "secret", "key.txt"];
print(file.read("/".join(parts)));
