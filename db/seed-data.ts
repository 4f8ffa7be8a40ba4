// The demo workspace: three short articles written for Claimline from public
// facts about Vladimir Putin's stated preconditions for talks with Ukraine in
// 2024, and the statements a researcher would tag in them.

export const DEMO_SLUG = "negotiation-preconditions-2024";

export const demoWorkspace = {
  slug: DEMO_SLUG,
  name: "Negotiation preconditions, 2024",
  description: "How Vladimir Putin's stated conditions for talks with Ukraine moved between June and September 2024, and how Kyiv answered.",
};

export const demoSpeakers = [
  { name: "Vladimir Putin", aliases: ["Putin", "Владимир Путин"], description: "President of Russia" },
  { name: "Mykhailo Podolyak", aliases: ["Podolyak"], description: "Adviser to the head of Ukraine's presidential office" },
  { name: "Volodymyr Zelensky", aliases: ["Zelensky", "Zelenskyy"], description: "President of Ukraine" },
];

export const demoTopics = [
  { name: "Preconditions for negotiations", proposition: "Should Russia negotiate an end to the war with Ukraine, and on what terms?", description: "What each side says must happen before talks can start." },
  { name: "Ukraine and NATO", proposition: "Should Ukraine be free to join NATO?", description: "" },
];

export const demoArticles = [
  {
    key: "june",
    title: "Putin names his terms for talks on the eve of the Swiss peace summit",
    publisher: "Claimline demo desk",
    author: "Demo researcher",
    publishedAt: "2024-06-14",
    url: "https://example.org/claimline-demo/2024-06-14-putin-terms",
    text: [
      "Speaking to the leadership of Russia's Foreign Ministry in Moscow on 14 June 2024, Vladimir Putin set out the terms on which, he said, Russia would stop fighting and sit down to talks with Ukraine.",
      "Russia would cease fire and start negotiations immediately once Ukraine began withdrawing its troops from the whole of the Donetsk, Luhansk, Kherson and Zaporizhzhia regions and officially gave up its plans to join NATO, Putin said.",
      "The offer came a day before a peace conference in Switzerland to which Russia had not been invited.",
      "Kyiv answered within hours. Mykhailo Podolyak, an adviser to the head of Ukraine's presidential office, called the conditions absurd.",
      "President Volodymyr Zelensky said the proposal was an ultimatum and that nobody should trust it.",
    ].join("\n\n"),
  },
  {
    key: "august",
    title: "After the Kursk incursion, Putin asks what talks there could be",
    publisher: "Claimline demo desk",
    author: "Demo researcher",
    publishedAt: "2024-08-13",
    url: "https://example.org/claimline-demo/2024-08-13-kursk",
    text: [
      "On 6 August 2024 Ukrainian forces crossed the border into Russia's Kursk region, the first large incursion onto Russian soil since the full-scale invasion began.",
      "Six days later, on 12 August, Vladimir Putin chaired a meeting on the situation in the border regions.",
      "What negotiations can there be with people who strike civilians indiscriminately and threaten nuclear power plants, Putin asked the officials at the meeting.",
      "He said the incursion showed that Kyiv wanted to improve its position for future negotiations.",
    ].join("\n\n"),
  },
  {
    key: "september",
    title: "Putin now says Russia \"never refused\" talks",
    publisher: "Claimline demo desk",
    author: "Demo researcher",
    publishedAt: "2024-09-06",
    url: "https://example.org/claimline-demo/2024-09-06-never-refused",
    text: [
      "Vladimir Putin has said twice in one week that Russia is open to talks with Ukraine, a change of tone from August.",
      "Answering pupils' questions at a school lesson in Kyzyl on 2 September 2024, Putin said Russia had never refused peace talks, but that first it had to deal with the \"bandits\" who had entered the Kursk region.",
      "Three days later, at the Eastern Economic Forum in Vladivostok, he repeated that Russia was ready to negotiate and had never refused to. The talks, he said, would have to rest on the documents initialled in Istanbul in 2022, not on ephemeral demands.",
      "Less than a month earlier, at a meeting on the border regions, Putin had asked what negotiations there could be with Kyiv.",
    ].join("\n\n"),
  },
] as const;

type ArticleKey = (typeof demoArticles)[number]["key"];

export const demoStatements: {
  key: string; article: ArticleKey; speaker: string; saidOn: string; kind: "claim" | "precondition" | "denial" | "demand";
  quote: string; summary: string; topics: { topic: string; stance: "supports" | "opposes" | "conditional" | "neutral"; condition?: string }[];
}[] = [
  {
    key: "june-terms", article: "june", speaker: "Vladimir Putin", saidOn: "2024-06-14", kind: "precondition",
    quote: "Russia would cease fire and start negotiations immediately once Ukraine began withdrawing its troops from the whole of the Donetsk, Luhansk, Kherson and Zaporizhzhia regions and officially gave up its plans to join NATO",
    summary: "Talks at once, if Ukraine leaves four regions and drops NATO.",
    topics: [
      { topic: "Preconditions for negotiations", stance: "conditional", condition: "Ukraine withdraws from Donetsk, Luhansk, Kherson and Zaporizhzhia and renounces NATO membership" },
      { topic: "Ukraine and NATO", stance: "opposes" },
    ],
  },
  {
    key: "podolyak", article: "june", speaker: "Mykhailo Podolyak", saidOn: "2024-06-14", kind: "denial",
    quote: "called the conditions absurd", summary: "Russia's conditions are absurd.",
    topics: [{ topic: "Preconditions for negotiations", stance: "opposes" }],
  },
  {
    key: "zelensky", article: "june", speaker: "Volodymyr Zelensky", saidOn: "2024-06-14", kind: "denial",
    quote: "the proposal was an ultimatum and that nobody should trust it", summary: "The offer is an ultimatum, not a basis for talks.",
    topics: [{ topic: "Preconditions for negotiations", stance: "opposes" }],
  },
  {
    key: "august-no-talks", article: "august", speaker: "Vladimir Putin", saidOn: "2024-08-12", kind: "denial",
    quote: "What negotiations can there be with people who strike civilians indiscriminately and threaten nuclear power plants",
    summary: "No talks with Kyiv after the Kursk incursion.",
    topics: [{ topic: "Preconditions for negotiations", stance: "opposes" }],
  },
  {
    key: "september-kyzyl", article: "september", speaker: "Vladimir Putin", saidOn: "2024-09-02", kind: "precondition",
    quote: "Russia had never refused peace talks, but that first it had to deal with the \"bandits\" who had entered the Kursk region",
    summary: "Never refused talks; first the \"bandits\" must leave Kursk.",
    topics: [{ topic: "Preconditions for negotiations", stance: "conditional", condition: "Ukrainian forces are driven out of the Kursk region" }],
  },
  {
    key: "september-vladivostok", article: "september", speaker: "Vladimir Putin", saidOn: "2024-09-05", kind: "precondition",
    quote: "The talks, he said, would have to rest on the documents initialled in Istanbul in 2022, not on ephemeral demands.",
    summary: "Ready to negotiate on the basis of the 2022 Istanbul documents.",
    topics: [{ topic: "Preconditions for negotiations", stance: "conditional", condition: "Talks start from the documents initialled in Istanbul in 2022" }],
  },
];

export const demoLinks: { from: string; to: string; relation: "contradicts" | "softens" | "reverses"; verdict?: "half_flip" | "full_flop"; rationale: string }[] = [
  { from: "september-kyzyl", to: "august-no-talks", relation: "contradicts", verdict: "full_flop", rationale: "Three weeks after asking what negotiations there could be, Putin said Russia had never refused talks." },
  { from: "september-kyzyl", to: "june-terms", relation: "softens", verdict: "half_flip", rationale: "The precondition moved from Ukraine leaving four regions and NATO to clearing Ukrainian troops out of Kursk." },
  { from: "podolyak", to: "june-terms", relation: "contradicts", rationale: "Kyiv rejected the June terms outright." },
  { from: "zelensky", to: "june-terms", relation: "contradicts", rationale: "Zelensky called the June terms an ultimatum." },
];

export const demoTimeline = {
  title: "Putin's preconditions for talks, June–September 2024",
  description: "From a ceasefire on terms, to no talks after Kursk, to \"never refused\".",
};
