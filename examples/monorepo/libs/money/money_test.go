package money

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestStringAndParseRoundTrip(t *testing.T) {
	for _, s := range []string{"12.50 EUR", "0.05 USD", "-3.20 GBP", "1000.00 JPY"} {
		a, err := Parse(s)
		if err != nil {
			t.Fatalf("Parse(%q): %v", s, err)
		}
		if a.String() != s {
			t.Errorf("round trip %q -> %q", s, a.String())
		}
	}
	if a, err := Parse("3 usd"); err != nil || a != New(300, "USD") {
		t.Errorf("Parse(\"3 usd\") = %v, %v", a, err)
	}
}

func TestParseRejectsBadInput(t *testing.T) {
	for _, s := range []string{"", "12.5 EUR", "abc EUR", "12.50", "12.50 EURO"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) succeeded", s)
		}
	}
}

func TestAddRequiresSameCurrency(t *testing.T) {
	sum, err := New(100, "EUR").Add(New(250, "EUR"))
	if err != nil || sum != New(350, "EUR") {
		t.Fatalf("sum = %v, %v", sum, err)
	}
	if _, err := New(100, "EUR").Add(New(1, "USD")); !errors.Is(err, ErrCurrencyMismatch) {
		t.Fatalf("err = %v", err)
	}
}

func TestJSON(t *testing.T) {
	b, err := json.Marshal(struct{ Total Amount }{New(1999, "EUR").Times(2)})
	if err != nil || string(b) != `{"Total":"39.98 EUR"}` {
		t.Fatalf("json = %s, %v", b, err)
	}
}
