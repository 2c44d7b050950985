// Scenario of the generated Go clients against the sandbox (started by tests/test_client_go.py,
// which passes its root URL in SANDBOX_URL): create, get, list, update, batch upsert, delete,
// 404 after delete, 401 without credentials, a validation error with the parsed vendor error,
// and a retry after an injected 503.
package scenario

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"example.com/specpipe/calendar"
	"example.com/specpipe/lsatlas"
	"example.com/specpipe/opendental"
	"example.com/specpipe/vba"
)

var failOnce atomic.Int64

// failOnceHeader makes the sandbox answer the first request carrying it with 503.
func failOnceHeader(t *testing.T) (string, string) {
	return "x-sandbox-fail-once", fmt.Sprintf("go-%s-%d-%d", t.Name(), os.Getpid(), failOnce.Add(1))
}

func root(t *testing.T) string {
	url := os.Getenv("SANDBOX_URL")
	if url == "" {
		t.Skip("SANDBOX_URL is not set")
	}
	return url
}

func context10s(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func must[T any](t *testing.T, what string) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
}

func TestVBAPlanBenefitLevels(t *testing.T) {
	ctx := context10s(t)
	client := vba.NewClient(
		vba.WithBaseURL(root(t)+"/vba"),
		vba.WithAPIKey("sandbox-api-key"),
		vba.WithBearerToken("sandbox-token"),
		vba.WithVbasoftwareDatabase("demo"),
		vba.WithRetryBackoff(10*time.Millisecond, 50*time.Millisecond),
	)
	plan, benefit := "GOPLAN", "DENTAL"
	level := vba.PlanBenefitLevel{
		BenefitCode:  benefit,
		BenefitLevel: "Network",
		Exclude:      false,
		PlanID:       vba.NewNullable(plan),
		FromValue:    vba.NewNullable("A"),
		ExtraValue1:  vba.Null[string](),
	}
	var raw vba.Response
	created := must[*vba.PlanBenefitLevel](t, "create")(client.CreatePlanBenefitLevel(ctx,
		vba.CreatePlanBenefitLevelParams{PlanID: plan, BenefitCode: benefit, Body: level},
		vba.WithResponse(&raw)))
	if created == nil || created.BenefitLevel != "Network" || raw.StatusCode/100 != 2 {
		t.Fatalf("create: got %+v (status %d)", created, raw.StatusCode)
	}
	if _, ok := raw.Parsed.(*vba.PlanBenefitLevelVBAResponse); !ok {
		t.Fatalf("create: the raw response keeps the envelope, got %T", raw.Parsed)
	}
	key := created.PlanBenefitLevelKey
	item := vba.GetPlanBenefitLevelParams{PlanID: plan, BenefitCode: benefit, PlanBenefitLevelKey: key}

	got := must[*vba.PlanBenefitLevel](t, "get")(client.GetPlanBenefitLevel(ctx, item))
	if got.FromValue.Ptr() == nil || *got.FromValue.Ptr() != "A" {
		t.Fatalf("get: from_Value %+v", got.FromValue)
	}
	if got.ThruValue.Valid {
		t.Fatalf("get: thru_Value was never set, got %+v", got.ThruValue)
	}

	list := must[[]vba.PlanBenefitLevel](t, "list")(client.ListPlanBenefitLevel(ctx,
		vba.ListPlanBenefitLevelParams{PlanID: plan, BenefitCode: benefit}))
	if len(list) != 1 || list[0].PlanBenefitLevelKey != key {
		t.Fatalf("list: %+v", list)
	}

	changed := *got
	changed.Exclude = true
	changed.ThruValue = vba.NewNullable("Z")
	updated := must[*vba.PlanBenefitLevel](t, "update")(client.UpdatePlanBenefitLevel(ctx,
		vba.UpdatePlanBenefitLevelParams{PlanID: plan, BenefitCode: benefit, PlanBenefitLevelKey: key, Body: changed}))
	if !updated.Exclude || updated.ThruValue.Value != "Z" {
		t.Fatalf("update: %+v", updated)
	}

	second := level
	second.BenefitLevel = "Gender"
	results := must[[]vba.MultiCodeResponse](t, "batch")(client.UpdateBatchPlanBenefitLevel(ctx,
		vba.UpdateBatchPlanBenefitLevelParams{PlanID: plan, BenefitCode: benefit, Body: []vba.PlanBenefitLevel{changed, second}}))
	if len(results) != 2 || results[0].Status == nil || *results[0].Status != 200 || *results[1].Status != 201 {
		t.Fatalf("batch: %+v", results)
	}

	name, token := failOnceHeader(t)
	raw = vba.Response{}
	if _, err := client.GetPlanBenefitLevel(ctx, item, vba.WithHeader(name, token), vba.WithResponse(&raw)); err != nil {
		t.Fatalf("get after an injected 503: %v", err)
	}
	if raw.Attempts != 2 {
		t.Fatalf("get after an injected 503: %d attempts, want 2", raw.Attempts)
	}

	if err := client.DeletePlanBenefitLevel(ctx, vba.DeletePlanBenefitLevelParams(item)); err != nil {
		t.Fatalf("delete: %v", err)
	}
	_, err := client.GetPlanBenefitLevel(ctx, item)
	if !errors.Is(err, vba.ErrNotFound) {
		t.Fatalf("get after delete: want ErrNotFound, got %v", err)
	}
	if problem, ok := vba.ProblemOf[*vba.VBAProblemDetails](err); !ok || problem.Status.Value != 404 {
		t.Fatalf("get after delete: parsed problem %+v", problem)
	}

	anonymous := vba.NewClient(vba.WithBaseURL(root(t)+"/vba"), vba.WithVbasoftwareDatabase("demo"))
	_, err = anonymous.ListPlanBenefitLevel(ctx, vba.ListPlanBenefitLevelParams{PlanID: plan, BenefitCode: benefit})
	if !errors.Is(err, vba.ErrAuthentication) {
		t.Fatalf("without credentials: want ErrUnauthorized, got %v", err)
	}

	invalid := level
	invalid.BenefitLevel = "this benefit level is far longer than thirty-two characters"
	_, err = client.CreatePlanBenefitLevel(ctx, vba.CreatePlanBenefitLevelParams{PlanID: plan, BenefitCode: benefit, Body: invalid})
	var apiErr *vba.APIError
	if !errors.Is(err, vba.ErrBadRequest) || !errors.As(err, &apiErr) {
		t.Fatalf("invalid body: want a 400 *APIError, got %v", err)
	}
	problem, ok := apiErr.Problem.(*vba.VBAProblemDetails)
	if !ok || problem.Status.Value != 400 || problem.Detail.Value == "" {
		t.Fatalf("invalid body: parsed problem %#v", apiErr.Problem)
	}
}

func TestVBAPlanModifiers(t *testing.T) {
	ctx := context10s(t)
	client := vba.NewClient(
		vba.WithBaseURL(root(t)+"/vba"),
		vba.WithAPIKey("sandbox-api-key"),
		vba.WithBearerToken("sandbox-token"),
		vba.WithVbasoftwareDatabase("demo"),
	)
	plan := "GOPLAN"
	effective := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	rule := vba.PlanModifier{PlanID: plan, Modifier: "50", EffectiveDate: effective, ApplyOON: true, FeePercent: vba.NewNullable(0.5)}
	created := must[*vba.PlanModifier](t, "create")(client.CreatePlanModifier(ctx, vba.CreatePlanModifierParams{PlanID: plan, Body: rule}))
	if !created.EffectiveDate.Equal(effective) || created.FeePercent.Value != 0.5 {
		t.Fatalf("create: %+v", created)
	}
	item := vba.GetPlanModifierParams{PlanID: plan, Modifier: "50", EffectiveDate: effective}
	got := must[*vba.PlanModifier](t, "get")(client.GetPlanModifier(ctx, item))
	if !got.ApplyOON || got.ApplyUC {
		t.Fatalf("get: %+v", got)
	}
	list := must[[]vba.PlanModifier](t, "list")(client.ListPlanModifier(ctx, vba.ListPlanModifierParams{PlanID: plan}))
	if len(list) != 1 {
		t.Fatalf("list: %+v", list)
	}
	changed := *got
	changed.ApplyUC = true
	updated := must[*vba.PlanModifier](t, "update")(client.UpdatePlanModifier(ctx,
		vba.UpdatePlanModifierParams{PlanID: plan, Modifier: "50", EffectiveDate: effective, Body: changed},
		vba.WithVbasoftwareDatabase("demo")))
	if !updated.ApplyUC {
		t.Fatalf("update: %+v", updated)
	}
	other := rule
	other.Modifier = "51"
	results := must[[]vba.MultiCodeResponse](t, "batch")(client.UpdateBatchPlanModifier(ctx,
		vba.UpdateBatchPlanModifierParams{PlanID: plan, Body: []vba.PlanModifier{changed, other}}))
	if len(results) != 2 || *results[0].Status != 200 || *results[1].Status != 201 {
		t.Fatalf("batch: %+v", results)
	}
	name, token := failOnceHeader(t)
	if _, err := client.ListPlanModifier(ctx, vba.ListPlanModifierParams{PlanID: plan}, vba.WithHeader(name, token)); err != nil {
		t.Fatalf("list after an injected 503: %v", err)
	}
	if err := client.DeletePlanModifier(ctx, vba.DeletePlanModifierParams(item)); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := client.GetPlanModifier(ctx, item); !errors.Is(err, vba.ErrNotFound) {
		t.Fatalf("get after delete: want ErrNotFound, got %v", err)
	}
	_, err := client.GetPlanModifier(ctx, item, vba.WithAPIKey(""))
	if !errors.Is(err, vba.ErrAuthentication) {
		t.Fatalf("without the API key: want ErrUnauthorized, got %v", err)
	}
	invalid := rule
	invalid.Modifier = "far too long"
	_, err = client.CreatePlanModifier(ctx, vba.CreatePlanModifierParams{PlanID: plan, Body: invalid})
	if problem, ok := vba.ProblemOf[*vba.VBAProblemDetails](err); !errors.Is(err, vba.ErrBadRequest) || !ok || problem.Status.Value != 400 {
		t.Fatalf("invalid body: want a 400 with problem details, got %v", err)
	}
}

func TestOpenDentalBenefits(t *testing.T) {
	ctx := context10s(t)
	client := opendental.NewClient(
		opendental.WithBaseURL(root(t)+"/opendental"),
		opendental.WithDeveloperKey("sandbox-developer"),
		opendental.WithCustomerKey("sandbox-customer"),
	)
	created := must[*opendental.Benefit](t, "create")(client.CreateBenefit(ctx, opendental.CreateBenefitParams{
		Body: opendental.BenefitCreate{
			PlanNum:       opendental.Ptr(int64(9001)),
			BenefitType:   opendental.BenefitTypeCoInsurance,
			CoverageLevel: opendental.CoverageLevelIndividual,
			Percent:       opendental.Ptr(80),
		},
	}))
	if created.BenefitNum < 1 || created.Percent != 80 || created.TimePeriod != opendental.TimePeriodCalendarYear {
		t.Fatalf("create: %+v", created)
	}
	key := created.BenefitNum
	list := must[[]opendental.Benefit](t, "list")(client.ListBenefits(ctx, opendental.ListBenefitsParams{PlanNum: opendental.Ptr(int64(9001))}))
	if len(list) != 1 || list[0].BenefitNum != key {
		t.Fatalf("list (get by plan): %+v", list)
	}
	updated := must[*opendental.Benefit](t, "update")(client.UpdateBenefit(ctx, opendental.UpdateBenefitParams{
		BenefitNum: key, Body: opendental.BenefitUpdate{Percent: opendental.Ptr(50)},
	}))
	if updated.Percent != 50 || updated.BenefitType != opendental.BenefitTypeCoInsurance {
		t.Fatalf("update: %+v", updated)
	}
	name, token := failOnceHeader(t)
	var raw opendental.Response
	if _, err := client.ListBenefits(ctx, opendental.ListBenefitsParams{PlanNum: opendental.Ptr(int64(9001))},
		opendental.WithHeader(name, token), opendental.WithResponse(&raw)); err != nil || raw.Attempts != 2 {
		t.Fatalf("list after an injected 503: %v (%d attempts)", err, raw.Attempts)
	}
	if err := client.DeleteBenefit(ctx, opendental.DeleteBenefitParams{BenefitNum: key}); err != nil {
		t.Fatalf("delete: %v", err)
	}
	err := client.DeleteBenefit(ctx, opendental.DeleteBenefitParams{BenefitNum: key})
	if !errors.Is(err, opendental.ErrNotFound) {
		t.Fatalf("delete after delete: want ErrNotFound, got %v", err)
	}
	anonymous := opendental.NewClient(opendental.WithBaseURL(root(t) + "/opendental"))
	if _, err := anonymous.ListBenefits(ctx, opendental.ListBenefitsParams{}); !errors.Is(err, opendental.ErrAuthentication) {
		t.Fatalf("without credentials: want ErrUnauthorized, got %v", err)
	}
	_, err = client.CreateBenefit(ctx, opendental.CreateBenefitParams{Body: opendental.BenefitCreate{
		PlanNum:       opendental.Ptr(int64(9001)),
		BenefitType:   opendental.BenefitTypeDeductible,
		CoverageLevel: opendental.CoverageLevelIndividual,
		Percent:       opendental.Ptr(80),
	}})
	explanation, ok := opendental.ProblemOf[string](err)
	if !errors.Is(err, opendental.ErrBadRequest) || !ok || explanation == "" {
		t.Fatalf("rule violation: want a 400 with an explanation, got %v", err)
	}
}

func TestCalendarAppointment(t *testing.T) {
	ctx := context10s(t)
	client := calendar.NewClient(calendar.WithBaseURL(root(t) + "/calendar"))
	_, err := client.PatientAppointmentPostV2(ctx, calendar.PatientAppointmentPostV2Params{Body: calendar.AppointmentModel{
		UserID:        "84ef7a81-c643-4b8e-85e5-1ff52fc35f3d",
		AccountID:     "3faed728-f67f-4bc0-888f-a8410d31c7df",
		AppointmentOn: time.Date(2026, 2, 3, 21, 4, 3, 0, time.FixedZone("", -6*3600)),
		Reason:        "check-up",
		Reasons:       calendar.NewNullable([]calendar.Reasons{{ReasonID: calendar.Ptr("7b0d7dbd-2e54-48b9-a80d-fb468fda994e")}}),
	}})
	if err != nil {
		t.Fatalf("book: %v", err)
	}
	_, err = client.PatientAppointmentPostV2(ctx, calendar.PatientAppointmentPostV2Params{Body: calendar.AppointmentModel{
		UserID: "84ef7a81-c643-4b8e-85e5-1ff52fc35f3d", AccountID: "3faed728-f67f-4bc0-888f-a8410d31c7df", Reason: "   ",
	}})
	if problem, ok := calendar.ProblemOf[*calendar.AspNetError](err); !errors.Is(err, calendar.ErrBadRequest) || !ok || problem.Message == "" {
		t.Fatalf("blank reason: want a 400 with the ASP.NET error, got %v", err)
	}
}

func TestLSAtlasBillingCodes(t *testing.T) {
	ctx := context10s(t)
	client := lsatlas.NewClient(lsatlas.WithBaseURL(root(t) + "/lsatlas"))
	saved, err := client.AddCaseTreatmentCptCodes(ctx, lsatlas.AddCaseTreatmentCptCodesParams{
		CaseID: "C-1001", TreatmentID: 7,
		Body: lsatlas.AddBillingCodeModel{CaseBillingCodes: lsatlas.NewNullable([]lsatlas.CaseBillingProcedureCodeModel{{
			ID: lsatlas.Ptr(int32(1)), CptCode: lsatlas.NewNullable("97110"), Amount: lsatlas.Ptr(42.5),
			DateOfService: lsatlas.Ptr(time.Date(2026, 5, 1, 21, 13, 44, 0, time.UTC)), Is90Cap: lsatlas.Ptr(true),
		}})},
	})
	if err != nil || !saved {
		t.Fatalf("add codes: %v, %v", saved, err)
	}

	// the same call over XML: the DataContract form, and an XML answer
	var raw lsatlas.Response
	saved, err = client.AddCaseTreatmentCptCodes(ctx, lsatlas.AddCaseTreatmentCptCodesParams{
		CaseID: "C-1002", TreatmentID: 8,
		Body: lsatlas.AddBillingCodeModel{CaseBillingCodes: lsatlas.NewNullable([]lsatlas.CaseBillingProcedureCodeModel{{
			ID: lsatlas.Ptr(int32(2)), CptCode: lsatlas.NewNullable("97112"), Description: lsatlas.Null[string](),
			Amount: lsatlas.Ptr(12.25), DateOfService: lsatlas.Ptr(time.Date(2026, 5, 2, 8, 0, 0, 0, time.UTC)),
		}})},
	}, lsatlas.WithContentType("application/xml"), lsatlas.WithResponse(&raw))
	if err != nil || !saved {
		t.Fatalf("add codes over XML: %v, %v (answer %s)", saved, err, raw.RawBody)
	}
	if got := raw.Header.Get("Content-Type"); !strings.Contains(got, "xml") || !strings.Contains(string(raw.RawBody), "<boolean") {
		t.Fatalf("add codes over XML: the answer is %q %s", got, raw.RawBody)
	}
	if _, err := client.AddCaseTreatmentCptCodes(ctx, lsatlas.AddCaseTreatmentCptCodesParams{CaseID: "C-1003"},
		lsatlas.WithContentType("application/x-www-form-urlencoded")); err == nil || !strings.Contains(err.Error(), "takes application/json") {
		t.Fatalf("a media type the operation does not take: want an error naming the offered ones, got %v", err)
	}
}
