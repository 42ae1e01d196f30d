// Validates every object of a multi-document YAML file (a rendered Helm chart) against the schema of
// its apiVersion and kind, as the Kubernetes API server's OpenAPI document gives it (npm
// kubernetes-models: validators compiled by ajv from that document). Types, required fields and
// formats are checked here; unknown fields by HelmChartTest (fabric8's model), because these
// schemas allow additional properties.
//
//   node validate.mjs rendered.yaml   → one line per problem; exit 0 when every object is valid
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const file = process.argv[2];
const docs = parseAllDocuments(readFileSync(file, "utf8"));
let problems = 0;
let checked = 0;
for (const doc of docs) {
  if (doc.errors.length > 0) {
    console.log(`YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
    problems++;
    continue;
  }
  const object = doc.toJS();
  if (object === null || object === undefined) continue;
  const { apiVersion, kind } = object;
  const where = `${kind}/${object.metadata?.name ?? "?"}`;
  let model;
  try {
    model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch (e) {
    // Fail closed: an object whose schema we cannot find is not valid.
    console.log(`${where}: no schema for apiVersion ${apiVersion}, kind ${kind}`);
    problems++;
    continue;
  }
  try {
    new model(object).validate();
    checked++;
  } catch (e) {
    console.log(`${where}: ${e.message}`);
    problems++;
  }
}
console.log(`checked ${checked} objects, ${problems} problems`);
process.exit(problems === 0 && checked > 0 ? 0 : 1);
