// Reads a data file named by a literal: the analysis checks the grant before the run.
import file;
print(file.read("data/notes.txt").strip());
