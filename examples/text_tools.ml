// String processing with regex and methods: slugs, initials and a simple template. No capabilities.
import regex;

function slugify(title) {
  lowered = title.lower().strip();
  dashed = regex.sub("[^a-z0-9]+", "-", lowered);
  return dashed.strip("-");
}

function initials(name) {
  parts = name.split(" ");
  letters = "";
  for (p in parts) {
    if (len(p) > 0) {
      letters = letters + p[0].upper();
    }
  }
  return letters;
}

function render(template, values) {
  result = template;
  for (k in keys(values)) {
    result = result.replace("{" + k + "}", str(values[k]));
  }
  return result;
}

titles = ["Hello, World!", "  Capability-Secured Scripting 101 ", "ML: the sandboxed language"];
for (t in titles) {
  print(slugify(t));
}
print(initials("Ada King Lovelace"), initials("grace  hopper"));
print(render("{name} has {n} open tasks", {name: "Ada", n: 3}));
