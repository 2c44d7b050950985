// Decoding time of a 10,000-item Open Dental benefit list with the generated Go client
// (generated/go/opendental), printed, not asserted: the whole ListBenefits call against a
// local server (lenient, then strict), and encoding/json into []Benefit alone.
// tests/test_client_go.py runs it and prints the figures.
package decode

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"example.com/specpipe/opendental"
)

const items = 10000
const rounds = 5

func benefits() []byte {
	types := []opendental.BenefitType{opendental.BenefitTypeCoInsurance, opendental.BenefitTypeDeductible, opendental.BenefitTypeLimitations}
	list := make([]opendental.Benefit, items)
	for i := range list {
		list[i] = opendental.Benefit{
			BenefitNum: int64(i + 1), PlanNum: 12, CovCatNum: int64(i % 9), BenefitType: types[i%3],
			Percent: 80, MonetaryAmt: -1, TimePeriod: opendental.TimePeriodCalendarYear,
			QuantityQualifier: opendental.QuantityQualifierNone, CoverageLevel: opendental.CoverageLevelIndividual,
			ProcCode: "D1110", SecDateTEntry: "2026-01-02 03:04:05", SecDateTEdit: "2026-01-02 03:04:05",
		}
	}
	data, err := json.Marshal(list)
	if err != nil {
		panic(err)
	}
	return data
}

// best is the fastest of a few runs of f, in milliseconds.
func best(f func() error) (float64, error) {
	fastest := time.Duration(1 << 62)
	for range rounds {
		started := time.Now()
		if err := f(); err != nil {
			return 0, err
		}
		fastest = min(fastest, time.Since(started))
	}
	return float64(fastest.Microseconds()) / 1000, nil
}

func TestDecodeTenThousandBenefits(t *testing.T) {
	body := benefits()
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	defer server.Close()
	ctx := context.Background()
	lenient := opendental.NewClient(opendental.WithBaseURL(server.URL))
	strict := opendental.NewClient(opendental.WithBaseURL(server.URL), opendental.WithStrictDecoding(true))
	call := func(client *opendental.Client) func() error {
		return func() error {
			list, err := client.ListBenefits(ctx, opendental.ListBenefitsParams{})
			if err == nil && len(list) != items {
				err = fmt.Errorf("%d items", len(list))
			}
			return err
		}
	}
	plain, err := best(func() error {
		var list []opendental.Benefit
		return json.Unmarshal(body, &list)
	})
	if err != nil {
		t.Fatal(err)
	}
	viaClient, err := best(call(lenient))
	if err != nil {
		t.Fatal(err)
	}
	viaStrict, err := best(call(strict))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("go decode of %d Open Dental benefits (%d KB, best of %d): json.Unmarshal %.1f ms, "+
		"ListBenefits %.1f ms (lenient), %.1f ms (strict)\n", items, len(body)/1024, rounds, plain, viaClient, viaStrict)
}
