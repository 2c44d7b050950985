// Spectral's `spectral:oas` ruleset, as `spectral lint` uses it on generated/bundled/ (and
// `make interop` runs it), with one change: `oas3-valid-media-example` skips XML media types.
//
// Spectral validates every example against its schema as JSON. An example of an XML media type
// is the XML text itself (a string), which can never match an object schema, so the rule
// reports an error for every correct XML example (stoplightio/spectral#2523). The project's own
// validator checks those examples by decoding the XML with the schema's `xml` hints first
// (`specpipe validate`); JSON examples are still checked here exactly as before.
import { oas } from "@stoplight/spectral-rulesets";

const rule = oas.rules["oas3-valid-media-example"];
const XML = String.raw`/^[^\/]+\/([^;]*\+)?xml\s*(;|$)/i`;
const MEDIA = "$..content..";

export default {
  extends: [oas],
  rules: {
    "oas3-valid-media-example": {
      ...rule,
      given: rule.given.map((path) =>
        path.startsWith(MEDIA)
          ? `$..content[?(@ && @.schema && (@.example !== void 0 || @.examples) && !${XML}.test(@property))]`
          : path,
      ),
    },
  },
};
