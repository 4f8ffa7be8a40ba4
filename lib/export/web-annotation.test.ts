import { describe, expect, it } from "vitest";
import { createW3cValidator, failures } from "./fixtures/w3c-validator";
import { sampleLink, sampleStatement, laterStatement } from "./test-fixtures";
import { toAnnotationCollection, type StatementAnnotation } from "./web-annotation";

const w3c = createW3cValidator();
const annotationMusts = w3c.suite("annotationMusts.test");
const modelMusts = w3c.suite("3.1-model-musts.test");
const bodyMusts = w3c.suite("bodyMusts.test");
const targetMusts = w3c.suite("targetMusts.test");
const specificResourceMusts = w3c.suite("specificResourceMusts.test");
const collectionMusts = w3c.suite("collectionMusts.test");
const pageMusts = w3c.suite("pageMusts.test");

const collection = toAnnotationCollection({
  id: "https://claimline.example/w/ukraine-talks/export/annotations.jsonld",
  label: "Ukraine talks: statements and links",
  statements: [sampleStatement(), laterStatement()],
  links: [sampleLink()],
  generatedAt: "2024-10-01T00:00:00.000Z",
});
const items = collection.first.items;
/** Annotations inside a page may omit @context; standalone they must carry it. */
const standalone = items.map((a) => ({ "@context": collection["@context"], ...a }));

describe("W3C test-suite assertions in use", () => {
  it("loads the schemas we have and names the ones upstream's index lacks", () => {
    expect(annotationMusts.assertions).toHaveLength(14);
    expect(annotationMusts.missing).toEqual([]);
    expect(modelMusts.assertions).toHaveLength(4);
    expect(pageMusts.assertions).toHaveLength(14);
    expect(pageMusts.missing).toEqual(["collections/pages/5.2-pageContextValidated.json"]);
    // Not in the stored wpt index at all; the definition checks below stand in.
    expect(collectionMusts.assertions).toHaveLength(0);
    expect(specificResourceMusts.assertions).toHaveLength(0);
    expect(bodyMusts.assertions.map((a) => a.title).join()).toMatch(/body/i);
    expect(targetMusts.assertions).toHaveLength(1);
  });
});

describe("toAnnotationCollection", () => {
  it("produces one annotation per statement and link", () => {
    expect(collection.total).toBe(3);
    expect(items.map((a) => a.motivation)).toEqual(["tagging", "tagging", "linking"]);
    const first = items[0] as StatementAnnotation;
    expect(first.id).toBe("https://claimline.example/w/ukraine-talks/statements/7");
    expect(first.body.map((b) => b.value)).toEqual([
      "speaker: Vladimir Putin",
      "Negotiations: conditional (Ukraine withdraws from four regions)",
      "NATO: opposes",
      "kind: precondition",
      "Talks can start once Ukraine withdraws its troops and drops its bid to join NATO.",
    ]);
    expect(first.body.at(-1)?.purpose).toBe("describing");
    expect(first.target.selector[0]).toEqual({ type: "TextQuoteSelector", exact: sampleStatement().quote, prefix: "He said: ", suffix: " The ministry later" });
    expect(first.target.selector[1]).toEqual({ type: "TextPositionSelector", start: 120, end: 201 });
  });

  it("keeps private notes out and gives pasted text a URN", () => {
    expect(JSON.stringify(items[0])).not.toContain("February");
    expect((items[0] as StatementAnnotation).body.some((b) => b.purpose === "commenting")).toBe(false);
    expect((items[1] as StatementAnnotation).body.some((b) => b.purpose === "commenting")).toBe(true);
    expect((items[1] as StatementAnnotation).target.source).toBe("urn:claimline:ukraine-talks:article:4");
  });

  it("links point from the later statement's annotation to the earlier one's", () => {
    const link = items[2];
    expect(link.id).toBe("https://claimline.example/w/ukraine-talks/export/annotations.jsonld#link-5");
    expect(link.target).toBe(items[1].id);
    expect(link.body[0]).toBe(items[0].id);
    expect(link.body.slice(1)).toMatchObject([{ value: "contradicts" }, { value: "Half flip", purpose: "assessing" }, { purpose: "commenting" }]);
  });

  it("every annotation passes the annotation, body and target MUST assertions", () => {
    for (const a of standalone) {
      expect(failures(a, annotationMusts.assertions)).toEqual([]);
      expect(failures(a, modelMusts.assertions)).toEqual([]);
      expect(failures(a, bodyMusts.assertions)).toEqual([]);
      expect(failures(a, targetMusts.assertions)).toEqual([]);
    }
  });

  it("bodies, targets and selectors match the model's definitions", () => {
    const textualBody = w3c.definition("bodyTarget.json#/definitions/textualBodyFound");
    const purpose = w3c.definition("otherProperties.json#/definitions/purposeRecognizedIfPresent");
    const specific = w3c.definition("specificResource.json#/definitions/specificeResourceDetected");
    const quote = w3c.definition("specificResource.json#/definitions/textQuoteSelectorDetected");
    const position = w3c.definition("specificResource.json#/definitions/textPositionSelectorDetected");
    const stringUri = w3c.definition("id.json#/definitions/stringUri");
    for (const a of items) {
      for (const body of a.body) {
        if (typeof body === "string") expect(stringUri(body)).toBe(true);
        else expect(textualBody(body) && purpose(body)).toBe(true);
      }
      if (typeof a.target === "string") expect(stringUri(a.target)).toBe(true);
      else {
        expect(specific(a.target), JSON.stringify(specific.errors)).toBe(true);
        expect(quote(a.target.selector[0])).toBe(true);
        expect(position(a.target.selector[1])).toBe(true);
      }
    }
  });

  it("the collection and its page pass the collection and page checks", () => {
    expect(failures(collection, pageMusts.assertions)).toEqual([]);
    expect(failures(collection.first, pageMusts.assertions)).toEqual([]);
    const refs = ["contextValueFound"].map((d) => w3c.definition(`collections.json#/definitions/${d}`));
    expect(refs[0](collection["@context"])).toBe(true);
    for (const d of ["annotationCollectionTypeValueFound", "labelDefinition", "totalDefinition", "firstValidIfPresent", "firstRequiredIfTotalMoreThanZero", "lastValidIfPresent"]) {
      const check = w3c.definition(`collections.json#/definitions/${d}`);
      expect(check(collection), `${d}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
    expect(w3c.definition("id.json#/definitions/idValueFound")(collection)).toBe(true);
  });

  it("the schemas do reject broken annotations", () => {
    const good = standalone[0] as Record<string, unknown>;
    const { target: _target, ...noTarget } = good;
    expect(failures(noTarget, annotationMusts.assertions).join()).toMatch(/target/);
    expect(failures({ ...good, created: "15 June 2024" }, annotationMusts.assertions).join()).toMatch(/created/);
    expect(failures({ ...good, "@context": "https://schema.org" }, modelMusts.assertions)).not.toEqual([]);
    const specific = w3c.definition("specificResource.json#/definitions/specificeResourceDetected");
    expect(specific({ source: "https://x.example/a", selector: [{ type: "TextQuoteSelector", prefix: "a" }] })).toBe(false);
    expect(failures({ ...collection.first, items: [{ type: "Note" }] }, pageMusts.assertions).join()).toMatch(/items/);
    expect(w3c.definition("collections.json#/definitions/totalDefinition")({ total: -1 })).toBe(false);
  });
});
