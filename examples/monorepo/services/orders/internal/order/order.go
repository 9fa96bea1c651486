// Package order is the order domain: lines, totals and validation.
package order

import (
	"errors"
	"fmt"

	"example.com/monorepo/libs/money"
)

// Line is one product in an order.
type Line struct {
	SKU       string       `json:"sku"`
	Quantity  int64        `json:"quantity"`
	UnitPrice money.Amount `json:"unit_price"`
}

// Order is what a customer placed.
type Order struct {
	ID       string `json:"id"`
	Customer string `json:"customer"`
	Lines    []Line `json:"lines"`
}

// Total sums the lines; all lines must share a currency.
func (o Order) Total() (money.Amount, error) {
	if len(o.Lines) == 0 {
		return money.Amount{}, errors.New("order has no lines")
	}
	total := money.New(0, o.Lines[0].UnitPrice.Currency)
	for _, l := range o.Lines {
		var err error
		if total, err = total.Add(l.UnitPrice.Times(l.Quantity)); err != nil {
			return money.Amount{}, err
		}
	}
	return total, nil
}

// Validate checks the order can be accepted with at most maxLines lines.
func (o Order) Validate(maxLines int) error {
	switch {
	case o.Customer == "":
		return errors.New("customer is required")
	case len(o.Lines) > maxLines:
		return fmt.Errorf("%d lines exceed the limit of %d", len(o.Lines), maxLines)
	}
	for i, l := range o.Lines {
		if l.SKU == "" || l.Quantity <= 0 {
			return fmt.Errorf("line %d needs a SKU and a positive quantity", i+1)
		}
	}
	_, err := o.Total()
	return err
}
