// Behaviour of the Go client generated from tests/fixtures/clients/go_constructs.yaml (built
// by tests/test_client_go.py), against an httptest server: unions, wire names a json tag
// cannot hold, recursion, formats, lenient and strict decoding, parameter styles, cookies,
// form, multipart, text and binary bodies, request ids, the debug log and the environment.
package constructs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	gc "example.com/specpipe/goconstructs"
)

// server answers every request with status, headers and body, and records the request.
type server struct {
	*httptest.Server
	status  int
	header  http.Header
	body    string
	request *http.Request
	payload []byte
}

func newServer(t *testing.T) *server {
	s := &server{status: 200, header: http.Header{"Content-Type": {"application/json"}}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.request = r
		s.payload, _ = io.ReadAll(r.Body)
		for name, values := range s.header {
			w.Header()[name] = values
		}
		w.WriteHeader(s.status)
		_, _ = w.Write([]byte(s.body))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) client(opts ...gc.Option) *gc.Client {
	return gc.NewClient(append([]gc.Option{gc.WithBaseURL(s.URL), gc.WithAPIKey("secret-key"), gc.WithMaxRetries(0)}, opts...)...)
}

func roundTrip[T any](t *testing.T, text string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatalf("decoding %s: %v", text, err)
	}
	back, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encoding %+v: %v", v, err)
	}
	var want, got any
	_ = json.Unmarshal([]byte(text), &want)
	_ = json.Unmarshal(back, &got)
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("round trip of %s gave %s", text, back)
	}
	return v
}

func TestDiscriminatedUnion(t *testing.T) {
	dog := roundTrip[gc.Pet](t, `{"kind":"dog","name":"Rex","bark":"loud"}`)
	if dog.Dog == nil || dog.Cat != nil || dog.Dog.Name != "Rex" || *dog.Dog.Bark != "loud" {
		t.Fatalf("dog: %+v", dog)
	}
	// an object with a member of Dog is read as the alternative its discriminator names
	var cat gc.Pet
	if err := json.Unmarshal([]byte(`{"kind":"cat","name":"Tom","bark":"soft"}`), &cat); err != nil || cat.Cat == nil || cat.Dog != nil {
		t.Fatalf("cat: %+v (%v)", cat, err)
	}
	// a value the mapping does not know is kept as received (lenient decoding)
	bird := roundTrip[gc.Pet](t, `{"kind":"bird","wings":2}`)
	if bird.Value() != nil || string(bird.Raw) != `{"kind":"bird","wings":2}` {
		t.Fatalf("bird: %+v", bird)
	}
	encoded, _ := json.Marshal(gc.Pet{Cat: &gc.Cat{Kind: "cat", Name: "Kit"}})
	if string(encoded) != `{"kind":"cat","name":"Kit"}` {
		t.Fatalf("encoding a cat: %s", encoded)
	}
}

func TestUnionWithoutDiscriminatorTakesTheFirstAlternativeThatFits(t *testing.T) {
	square := roundTrip[gc.Shape](t, `{"side":2,"label":"s"}`)
	if square.Square == nil || square.Circle != nil {
		t.Fatalf("square (Circle requires radius): %+v", square)
	}
	circle := roundTrip[gc.Shape](t, `{"radius":1.5}`)
	if circle.Circle == nil || circle.Circle.Radius != 1.5 {
		t.Fatalf("circle: %+v", circle)
	}
	if s := roundTrip[gc.Shape](t, `"dot"`); s.String == nil || *s.String != "dot" {
		t.Fatalf("string: %+v", s)
	}
	if n := roundTrip[gc.Shape](t, `7`); n.Int == nil || *n.Int != 7 {
		t.Fatalf("integer: %+v", n)
	}
	if b := roundTrip[gc.Shape](t, `true`); b.Value() != nil || string(b.Raw) != "true" {
		t.Fatalf("a boolean fits no alternative and is kept: %+v", b)
	}
}

func TestWireNamesAJSONTagCannotHoldStayExact(t *testing.T) {
	value := gc.OddNames{
		AB:                   "comma",
		SayHi:                gc.Ptr(1),
		BackSlash:            gc.Ptr(true),
		Tick:                 gc.Ptr("tick"),
		Value:                gc.Ptr("empty"),
		Value2:               gc.Ptr("dash"),
		Caf:                  gc.Ptr("accent"),
		Plain:                gc.Ptr("plain"),
		AdditionalProperties: map[string]int{"extra": 5},
	}
	encoded, err := json.Marshal(value)
	if err != nil {
		t.Fatal(err)
	}
	var members map[string]any
	if err := json.Unmarshal(encoded, &members); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"a,b": "comma", `say "hi"`: 1.0, `back\slash`: true, "tick`": "tick", "": "empty",
		"-": "dash", "café": "accent", "plain": "plain", "extra": 5.0,
	}
	if !reflect.DeepEqual(members, want) {
		t.Fatalf("members: %s", encoded)
	}
	var back gc.OddNames
	if err := json.Unmarshal(encoded, &back); err != nil || !reflect.DeepEqual(back, value) {
		t.Fatalf("decoding %s: %+v (%v)", encoded, back, err)
	}
	required, _ := json.Marshal(gc.OddNames{})
	if string(required) != `{"a,b":""}` {
		t.Fatalf("only the required member is written when nothing is set: %s", required)
	}
}

func TestRecursiveTypes(t *testing.T) {
	graph := roundTrip[gc.Graph](t, `{
		"node": {"name": "a", "self": {"name": "b", "self": null}, "children": [{"name": "c", "self": null}]},
		"maybe": {"value": 1, "rest": {"value": 2, "rest": null}},
		"left": {"right": {"left": {"right": {}}}},
		"tree": [[], [[]]]
	}`)
	if graph.Node.Self.Name != "b" || graph.Node.Children[0].Name != "c" {
		t.Fatalf("node: %+v", graph.Node)
	}
	rest := graph.Maybe.Value.Rest
	if !rest.Valid || *rest.Value.Value != 2 || !rest.Value.Rest.IsNull() {
		t.Fatalf("nullable recursion: %+v", graph.Maybe)
	}
	if graph.Left.Right.Left.Value.Right == nil || len(graph.Tree) != 2 || len(graph.Tree[1]) != 1 {
		t.Fatalf("mutual recursion and a recursive list: %+v %+v", graph.Left, graph.Tree)
	}
}

func TestEveryFormat(t *testing.T) {
	all := roundTrip[gc.Everything](t, `{
		"when": "2026-01-02T03:04:05.1234567+01:00", "day": "2026-01-02", "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
		"blob": "aGk=", "small": 2147483647, "big": 9007199254740993, "huge": 18446744073709551615,
		"ratio": 0.5, "amount": 1.25, "email": "a@example.com", "either": 3, "fixed": "only",
		"mixed": "one", "closed": {}, "counts": {"a": 1}, "free": {"x": [1, "y"]},
		"inline": {"deep": {"x": 4}}, "color": "green", "colors": ["red", "purple"], "maybeColor": null
	}`)
	if all.When.Nanosecond() != 123456700 || string(all.Blob) != "hi" || *all.Huge != 18446744073709551615 || *all.Big != 9007199254740993 {
		t.Fatalf("formats: %+v", all)
	}
	if all.Either.Value.Int == nil || *all.Either.Value.Int != 3 || !all.MaybeColor.IsNull() || all.Inline.Deep.X == nil {
		t.Fatalf("unions, nullables, inline objects: %+v", all)
	}
	if all.Colors[1] != "purple" || all.Colors[1].IsKnown() || !all.Colors[0].IsKnown() {
		t.Fatalf("an enum value the spec does not list is kept: %+v", all.Colors)
	}
}

func TestDecodingIsLenientUnlessStrict(t *testing.T) {
	s := newServer(t)
	s.body = `[{"kind":"cat","name":"Tom","color":"purple","age":3}]`
	pets, err := s.client().ListPets(context.Background(), gc.ListPetsParams{})
	if err != nil {
		t.Fatalf("lenient: %v", err)
	}
	cat := pets[0].Cat
	if cat == nil || *cat.Color != "purple" || cat.Color.IsKnown() || cat.Claws != nil {
		t.Fatalf("lenient: an unknown enum value is kept, the extra member ignored, the missing optional one unset: %+v", cat)
	}
	_, err = s.client(gc.WithStrictDecoding(true)).ListPets(context.Background(), gc.ListPetsParams{})
	var decodeErr *gc.DecodeError
	if !errors.As(err, &decodeErr) || !strings.Contains(err.Error(), "/0/color: purple is not a value the spec lists") ||
		!strings.Contains(err.Error(), "/0/age: a member the spec does not declare") {
		t.Fatalf("strict: want both problems, got %v", err)
	}
	s.body = `[{"kind":"cat"}, {"kind":"horse","name":"x"}]`
	_, err = s.client().ListPets(context.Background(), gc.ListPetsParams{}, gc.WithStrictDecoding(true))
	if err == nil || !strings.Contains(err.Error(), "/0/name: a required member is missing") ||
		!strings.Contains(err.Error(), "/1: matches none of the alternatives") {
		t.Fatalf("strict: a missing required member and an unknown alternative, got %v", err)
	}
	s.body = `[{"kind":"cat","name":"Tom"}]`
	if _, err := s.client(gc.WithStrictDecoding(true)).ListPets(context.Background(), gc.ListPetsParams{}); err != nil {
		t.Fatalf("strict: a valid answer passes, got %v", err)
	}
}

func TestParameterStylesAndCookies(t *testing.T) {
	s := newServer(t)
	s.body = `[]`
	_, err := s.client().ListPets(context.Background(), gc.ListPetsParams{
		Kind:     []string{"cat", "dog"},
		Filter:   &gc.ListPetsFilter{Color: gc.Ptr("red"), Size: gc.Ptr(2)},
		Session:  gc.Ptr("s1"),
		Tracking: gc.Ptr("t2"),
		XTrace:   []int{1, 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	query := s.request.URL.Query()
	if query.Get("kind") != "cat,dog" || query.Get("filter[color]") != "red" || query.Get("filter[size]") != "2" {
		t.Fatalf("query: %s", s.request.URL.RawQuery)
	}
	if cookies := s.request.Header.Values("Cookie"); len(cookies) != 1 || cookies[0] != "session=s1; tracking=t2" {
		t.Fatalf("cookies go in one Cookie header: %q", cookies)
	}
	if s.request.Header.Get("X-Trace") != "1,2" || s.request.Header.Get("X-Api-Key") != "secret-key" {
		t.Fatalf("headers: %v", s.request.Header)
	}
}

func TestFormMultipartTextAndBinaryBodies(t *testing.T) {
	s := newServer(t)
	s.status = 204
	err := s.client().SubmitForm(context.Background(), gc.SubmitFormParams{Body: gc.SubmitFormRequest{Name: "n&m", Tags: []string{"a", "b"}, Age: gc.Ptr(3)}})
	if err != nil || s.request.Header.Get("Content-Type") != "application/x-www-form-urlencoded" || string(s.payload) != "age=3&name=n%26m&tags=a&tags=b" {
		t.Fatalf("form: %v %q %s", err, s.request.Header.Get("Content-Type"), s.payload)
	}

	s.status, s.header, s.body = 201, http.Header{"Content-Type": {"text/plain"}}, "stored as 7"
	stored, err := s.client().Upload(context.Background(), gc.UploadParams{Body: gc.UploadRequest{File: []byte("%PDF-1.7"), Title: gc.Ptr("scan"), Labels: []string{"x", "y"}}})
	if err != nil || stored != "stored as 7" {
		t.Fatalf("multipart: %q %v", stored, err)
	}
	mediaType, parameters, _ := mime.ParseMediaType(s.request.Header.Get("Content-Type"))
	reader := multipart.NewReader(bytes.NewReader(s.payload), parameters["boundary"])
	parts := map[string][]string{}
	for {
		part, err := reader.NextPart()
		if err != nil {
			break
		}
		content, _ := io.ReadAll(part)
		key := part.FormName()
		if part.FileName() != "" {
			key += ":file"
		}
		parts[key] = append(parts[key], string(content))
	}
	want := map[string][]string{"file:file": {"%PDF-1.7"}, "title": {"scan"}, "labels": {"x", "y"}}
	if mediaType != "multipart/form-data" || !reflect.DeepEqual(parts, want) {
		t.Fatalf("multipart parts: %s %v", mediaType, parts)
	}

	s.status, s.header = 204, http.Header{}
	if err := s.client().PutFile(context.Background(), gc.PutFileParams{Name: "a b/c", Body: strings.NewReader("raw bytes")}); err != nil {
		t.Fatal(err)
	}
	if s.request.URL.EscapedPath() != "/files/a%20b%2Fc" || string(s.payload) != "raw bytes" || s.request.Header.Get("Content-Type") != "application/octet-stream" {
		t.Fatalf("binary upload: %s %q %q", s.request.URL.EscapedPath(), s.payload, s.request.Header.Get("Content-Type"))
	}
	s.status, s.header, s.body = 200, http.Header{"Content-Type": {"application/pdf"}}, "%PDF\x00\x01"
	file, err := s.client().GetFile(context.Background(), gc.GetFileParams{Name: "x"})
	if err != nil || string(file) != "%PDF\x00\x01" || s.request.Header.Get("Accept") != "application/pdf" {
		t.Fatalf("binary download: %q %v", file, err)
	}
}

func TestRequestIDsProblemsAndTheDebugLog(t *testing.T) {
	s := newServer(t)
	s.header.Set("X-Acme-Request-Id", "acme-1")
	s.body = `[]`
	var log bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	var raw gc.Response
	if _, err := s.client(gc.WithLogger(logger)).ListPets(context.Background(), gc.ListPetsParams{}, gc.WithResponse(&raw)); err != nil {
		t.Fatal(err)
	}
	if raw.RequestID != "acme-1" || raw.StatusCode != 200 || string(raw.RawBody) != "[]" {
		t.Fatalf("the declared request-id header: %+v", raw)
	}
	text := log.String()
	if !strings.Contains(text, "msg=request") || !strings.Contains(text, "msg=answer") || !strings.Contains(text, "request_id=acme-1") ||
		!strings.Contains(text, "REDACTED") || strings.Contains(text, "secret-key") {
		t.Fatalf("debug log (credentials redacted): %s", text)
	}

	s.status, s.header, s.body = 404, http.Header{"Content-Type": {"application/json"}, "X-Request-Id": {"common-2"}}, `{"title":"no owner","status":404}`
	_, err := s.client().CreatePet(context.Background(), gc.CreatePetParams{Body: gc.Pet{Dog: &gc.Dog{Kind: "dog", Name: "Rex"}}})
	var apiErr *gc.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, gc.ErrNotFound) || apiErr.RequestID != "common-2" {
		t.Fatalf("404: %v", err)
	}
	problem, ok := gc.ProblemOf[*gc.Problem](err)
	body, isObject := apiErr.Body.(map[string]any)
	if !ok || *problem.Title != "no owner" || !isObject || body["status"] != 404.0 {
		t.Fatalf("problem %+v, body %#v", problem, apiErr.Body)
	}
	if string(s.payload) != `{"kind":"dog","name":"Rex"}` {
		t.Fatalf("the union body is sent as its alternative: %s", s.payload)
	}
}

func TestSettingsComeFromTheEnvironment(t *testing.T) {
	s := newServer(t)
	s.body = `[]`
	t.Setenv("GOCONSTRUCTS_BASE_URL", s.URL)
	t.Setenv("GOCONSTRUCTS_API_KEY", "from-env")
	if _, err := gc.NewClient().ListPets(context.Background(), gc.ListPetsParams{}); err != nil {
		t.Fatal(err)
	}
	if s.request.Header.Get("X-Api-Key") != "from-env" {
		t.Fatalf("credential from the environment: %v", s.request.Header)
	}
	if _, err := gc.NewClient(gc.WithAPIKey("option")).ListPets(context.Background(), gc.ListPetsParams{}); err != nil || s.request.Header.Get("X-Api-Key") != "option" {
		t.Fatalf("an option overrides the environment: %v %v", err, s.request.Header)
	}
	t.Setenv("GOCONSTRUCTS_API_KEY", "")
	t.Setenv("GOCONSTRUCTS_QUERY_KEY", "in-query")
	if _, err := gc.NewClient().ListPets(context.Background(), gc.ListPetsParams{}); err != nil || s.request.URL.Query().Get("api_key") != "in-query" {
		t.Fatalf("the second security requirement, in the query: %v %s", err, s.request.URL.RawQuery)
	}
	if gc.DefaultTimeout != 60*time.Second {
		t.Fatalf("default timeout: %v", gc.DefaultTimeout)
	}
}
