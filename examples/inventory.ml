// Inventory bookkeeping with objects, arrays, destructuring and error handling. No capabilities.
inventory = [
  {sku: "A-100", name: "bolt", qty: 120, price: 0.25},
  {sku: "B-220", name: "nut", qty: 0, price: 0.1},
  {sku: "C-310", name: "washer", qty: 45, price: 0.05}
];

function restock(items, sku, amount) {
  for (item in items) {
    if (item.sku == sku) {
      item.qty = item.qty + amount;
      return item;
    }
  }
  throw {message: "unknown sku " + sku, sku: sku};
}

function value(items) {
  total = 0.0;
  for (item in items) {
    total = total + item.qty * item.price;
  }
  return round(total, 2);
}

print("stock value:", value(inventory));
restock(inventory, "B-220", 500);
try {
  restock(inventory, "Z-999", 1);
} except (e) {
  print("restock failed:", str(e));
}
empty = [];
for (item in inventory) {
  if (item.qty == 0) {
    empty.append(item.sku);
  }
}
{qty, price} = inventory[1];
print("nut:", qty, "at", price);
print("out of stock:", empty, "value now:", value(inventory));
