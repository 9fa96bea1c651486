package order

import (
	"testing"

	"example.com/monorepo/libs/money"
)

func TestTotal(t *testing.T) {
	o := Order{Customer: "c", Lines: []Line{
		{SKU: "mug", Quantity: 2, UnitPrice: money.New(850, "EUR")},
		{SKU: "tea", Quantity: 1, UnitPrice: money.New(399, "EUR")},
	}}
	total, err := o.Total()
	if err != nil || total != money.New(2099, "EUR") {
		t.Fatalf("Total = %v, %v", total, err)
	}
}

func TestValidate(t *testing.T) {
	eur := money.New(100, "EUR")
	cases := []struct {
		name  string
		order Order
		ok    bool
	}{
		{"valid", Order{Customer: "c", Lines: []Line{{SKU: "a", Quantity: 1, UnitPrice: eur}}}, true},
		{"no customer", Order{Lines: []Line{{SKU: "a", Quantity: 1, UnitPrice: eur}}}, false},
		{"no lines", Order{Customer: "c"}, false},
		{"zero quantity", Order{Customer: "c", Lines: []Line{{SKU: "a", UnitPrice: eur}}}, false},
		{"mixed currencies", Order{Customer: "c", Lines: []Line{
			{SKU: "a", Quantity: 1, UnitPrice: eur},
			{SKU: "b", Quantity: 1, UnitPrice: money.New(100, "USD")},
		}}, false},
		{"too many lines", Order{Customer: "c", Lines: []Line{
			{SKU: "a", Quantity: 1, UnitPrice: eur},
			{SKU: "b", Quantity: 1, UnitPrice: eur},
			{SKU: "c", Quantity: 1, UnitPrice: eur},
		}}, false},
	}
	for _, c := range cases {
		if err := c.order.Validate(2); (err == nil) != c.ok {
			t.Errorf("%s: Validate = %v", c.name, err)
		}
	}
}
