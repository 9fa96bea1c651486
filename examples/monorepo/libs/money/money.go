// Package money represents amounts in minor units (cents) so that orders and
// payments never round through floating point.
package money

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrCurrencyMismatch is returned when combining amounts of different currencies.
var ErrCurrencyMismatch = errors.New("money: currency mismatch")

// Amount is a quantity of a currency in minor units, e.g. {1250, "EUR"} is 12.50 EUR.
type Amount struct {
	Minor    int64
	Currency string
}

// New returns an amount of minor units of currency.
func New(minor int64, currency string) Amount {
	return Amount{Minor: minor, Currency: strings.ToUpper(currency)}
}

// Add returns a+b; both must share a currency.
func (a Amount) Add(b Amount) (Amount, error) {
	if a.Currency != b.Currency {
		return Amount{}, fmt.Errorf("%w: %s + %s", ErrCurrencyMismatch, a.Currency, b.Currency)
	}
	return Amount{Minor: a.Minor + b.Minor, Currency: a.Currency}, nil
}

// Times returns a multiplied by n, e.g. a unit price times a quantity.
func (a Amount) Times(n int64) Amount {
	return Amount{Minor: a.Minor * n, Currency: a.Currency}
}

// String formats as "12.50 EUR".
func (a Amount) String() string {
	sign, m := "", a.Minor
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s%d.%02d %s", sign, m/100, m%100, a.Currency)
}

// Parse reads the String form, e.g. "12.50 EUR" or "3 USD".
func Parse(s string) (Amount, error) {
	num, cur, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok || len(cur) != 3 {
		return Amount{}, fmt.Errorf("money: %q is not like \"12.50 EUR\"", s)
	}
	neg := strings.HasPrefix(num, "-")
	units, cents, hasCents := strings.Cut(strings.TrimPrefix(num, "-"), ".")
	if hasCents && len(cents) != 2 {
		return Amount{}, fmt.Errorf("money: %q needs exactly two decimals", s)
	}
	if !hasCents {
		cents = "00"
	}
	minor, err := strconv.ParseInt(units+cents, 10, 64)
	if err != nil {
		return Amount{}, fmt.Errorf("money: %q: %w", s, err)
	}
	if neg {
		minor = -minor
	}
	return New(minor, cur), nil
}

// MarshalText encodes an amount as its String form, so JSON shows "12.50 EUR".
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText decodes the String form.
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
