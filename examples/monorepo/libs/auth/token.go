// Package auth issues and verifies the HMAC-signed bearer tokens that the
// gateway and payments services exchange.
package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Errors returned by Verify.
var (
	ErrMalformed = errors.New("auth: malformed token")
	ErrSignature = errors.New("auth: bad signature")
	ErrExpired   = errors.New("auth: token expired")
)

// Claims is what a token asserts.
type Claims struct {
	Subject string
	Expires time.Time
}

// Signer signs and verifies tokens with a shared secret.
type Signer struct {
	secret []byte
}

// NewSigner returns a Signer for secret; an empty secret is refused because
// it would make every token forgeable.
func NewSigner(secret []byte) (*Signer, error) {
	if len(secret) == 0 {
		return nil, errors.New("auth: empty secret")
	}
	return &Signer{secret: secret}, nil
}

// Sign returns a token "payload.signature" for c.
func (s *Signer) Sign(c Claims) string {
	payload := base64.RawURLEncoding.EncodeToString(
		[]byte(c.Subject + "|" + strconv.FormatInt(c.Expires.Unix(), 10)))
	return payload + "." + s.mac(payload)
}

// Verify checks the signature and expiry of token at time now.
func (s *Signer) Verify(token string, now time.Time) (Claims, error) {
	payload, sig, ok := strings.Cut(token, ".")
	if !ok {
		return Claims{}, ErrMalformed
	}
	if !hmac.Equal([]byte(sig), []byte(s.mac(payload))) {
		return Claims{}, ErrSignature
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return Claims{}, ErrMalformed
	}
	subject, exp, ok := strings.Cut(string(raw), "|")
	if !ok {
		return Claims{}, ErrMalformed
	}
	unix, err := strconv.ParseInt(exp, 10, 64)
	if err != nil {
		return Claims{}, ErrMalformed
	}
	c := Claims{Subject: subject, Expires: time.Unix(unix, 0)}
	if !now.Before(c.Expires) {
		return Claims{}, ErrExpired
	}
	return c, nil
}

func (s *Signer) mac(payload string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
