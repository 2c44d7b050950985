// Names of the Go client generated from tests/fixtures/clients/go_names.yaml as the API
// `1st-names` (built by tests/test_client_go.py): every clash is resolved with a suffix, and
// the wire names and enum values stay exact.
package names

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	// the API's name starts with a digit: package and module path start with "api"
	api "example.com/specpipe/api1stnames"
)

func TestEnumConstantsForEmptyAndLookalikeValues(t *testing.T) {
	values := map[api.Error2]string{
		api.Error2Empty: "", api.Error2A: "a", api.Error2A2: "A", api.Error2A3: "a-",
		api.Error2Empty2: "-", api.Error2B: "B", api.Error2BC: "b c",
	}
	for constant, want := range values {
		if string(constant) != want || !constant.IsKnown() {
			t.Fatalf("constant %q, want %q", constant, want)
		}
	}
	if len(values) != 7 || api.Error2("c").IsKnown() {
		t.Fatalf("every value has its own constant, and only those are known")
	}
	levels := []api.Level{api.LevelMinus1, api.Level1, api.Level1_5, api.Level2}
	if !reflect.DeepEqual(levels, []api.Level{-1, 1, 1.5, 2}) {
		t.Fatalf("numeric enum constants: %v", levels)
	}
}

func TestMembersNamedLikeKeywordsBuiltinsAndMethodsKeepTheirWireNames(t *testing.T) {
	kind := api.Error2A
	value := api.Type{
		Type: api.Ptr("t"), Func: api.Ptr(1), MarshalJSON2: api.Ptr("m"),
		UserID: api.Ptr("snake"), UserID2: api.Ptr("camel"), Len: &kind,
	}
	encoded, err := json.Marshal(value)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"type":"t","func":1,"MarshalJSON":"m","user_id":"snake","userId":"camel","len":"a"}`
	if string(encoded) != want {
		t.Fatalf("encoded %s, want %s", encoded, want)
	}
	var back api.Type
	if err := json.Unmarshal(encoded, &back); err != nil || *back.UserID != "snake" || *back.UserID2 != "camel" {
		t.Fatalf("decoded %+v (%v)", back, err)
	}
	// schemas named like the runtime's types (Client, Option) and like each other (list, List)
	_ = api.Client2{Option: &api.Option2{Nullable: api.Ptr("x")}}
	_ = []any{api.List{}, api.List2{}, api.String{Nil: api.Ptr(true)}, api.Error{}, api.APIV2010Account{}, api.DoParams{}}
}

func TestOperationsNamedLikeTheClientsOwnMembers(t *testing.T) {
	var seen []string
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.Method+" "+r.URL.RequestURI()+" "+r.Header.Get("Body"))
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodGet {
			_, _ = w.Write([]byte(`{}`))
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer server.Close()
	client := api.NewClient(api.WithBaseURL(server.URL))
	ctx := context.Background()
	if _, err := client.Do(ctx, api.DoParams2{Type: api.Ptr("t"), Body: api.Ptr("header"), Body2: api.Ptr("query")}); err != nil {
		t.Fatal(err)
	}
	if err := client.Do2(ctx, api.Do2Params{Body: api.String{}}); err != nil {
		t.Fatal(err)
	}
	if err := client.Cfg(ctx); err != nil {
		t.Fatal(err)
	}
	if err := client.NewClient(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if err := client.WithRawResponse(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"GET /things?body=query&type=t header", "POST /things ", "PUT /things ", "DELETE /things ",
		"GET /close ", "POST /close ",
	}
	if !reflect.DeepEqual(seen, want) {
		t.Fatalf("requests: %q", seen)
	}
}
