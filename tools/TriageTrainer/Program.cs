using System.Security.Cryptography;
using System.Text.Json;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Triage.Corpus;
using SafeChat.Dialogs.Triage.Model;
using SafeChat.Dialogs.Triage.Rules;
using SafeChat.TriageTrainer;

// dotnet run --project tools/TriageTrainer [-- --l1 X --l2 Y --dry-run]
// Trains on the training split, chooses thresholds on held-out folds of it, scores the test split, writes the model.
const int Seed = 20261201, Folds = 5;
var options = Options.Parse(args);
var repo = Options.RepositoryRoot();
var languages = Path.Combine(repo, "dialogs", "SafeChat.Dialogs", "Languages");
var modelFolder = Path.Combine(repo, "dialogs", "SafeChat.Dialogs", "Triage", "Model");

var corpus = TriageCorpus.Load(languages);
CorpusChecks.ThrowOnConflicts(corpus);
// One model per entry of Triage/Model/models.json, each from its languages' part of the corpus (see ModelSpec).
var specs = ModelSpec.Load(File.OpenRead(Path.Combine(modelFolder, "models.json")));
foreach (var spec in specs)
{
var train = corpus.Train.Where(l => spec.Languages.Contains(l.Language)).ToList();
var test = corpus.Test.Where(l => spec.Languages.Contains(l.Language)).ToList();
Console.WriteLine($"\n══ {spec.Name}: {string.Join(", ", spec.Languages)} ══");
Console.WriteLine($"corpus {corpus.Lines.Count} sentences, for this model {train.Count} train, {test.Count} test, sha256 {corpus.Sha256[..16]}…");
Console.WriteLine(CorpusChecks.Counts(train, test));

var signals = Signal.All;
var features = train.Select(l => NgramFeatures.Of(l.Text)).ToList();
var labels = train.Select(l => l.Signals).ToList();
var trainer = new SignalTrainer(Seed, options.L1, options.L2);

// Held-out probabilities for every training sentence: each fold predicted by a model that never saw it.
var heldOut = new float[train.Count][];
for (var fold = 0; fold < Folds; fold++)
{
    var inFold = Enumerable.Range(0, train.Count).Where(i => TriageCorpus.Bucket(train[i].Text) % Folds == fold).ToList();
    var rest = Enumerable.Range(0, train.Count).Except(inFold).ToList();
    var foldModel = trainer.Train(signals, rest.Select(i => features[i]).ToList(), rest.Select(i => labels[i]).ToList());
    foreach (var i in inFold) heldOut[i] = foldModel.Predict(features[i]);
    Console.Write($"\rfold {fold + 1}/{Folds} trained");
}
Console.WriteLine();

// Thresholds are chosen on the languages SafeChat speaks (a module with understanding.json): a language whose corpus is
// there before its module rides along in training, and its figures are printed, but it does not move the thresholds.
bool Spoken(CorpusLine line) => File.Exists(Path.Combine(languages, line.Language, "understanding.json"));
static List<T> Where<T>(IReadOnlyList<T> items, IReadOnlyList<bool> keep) => items.Where((_, i) => keep[i]).ToList();
var spokenTrain = train.Select(Spoken).ToList();
var spokenTest = test.Select(Spoken).ToList();

var rules = new RuleRecognizer();
var ruleLayer = new RuleLayer();
var findings = train.Select(l => ruleLayer.Find(l.Text)).ToList();
var heldOutByText = train.Select((l, i) => (l.Text, P: heldOut[i])).GroupBy(x => x.Text).ToDictionary(g => g.Key, g => g.First().P);
var findingsByText = train.Select((l, i) => (l.Text, F: findings[i])).GroupBy(x => x.Text).ToDictionary(g => g.Key, g => g.First().F);
IReadOnlyDictionary<string, float> Scores(float[] p) => signals.Select((s, i) => (s, p[i])).ToDictionary(x => x.s, x => x.Item2);
var thresholds = new Dictionary<string, SignalThresholds>();
for (var s = 0; s < signals.Count; s++)
{
    var signal = signals[s];
    var (ruleSays, vetoed) = RuleVotes(signal, findings);
    if (signal is Signal.Emergency or Signal.SelfHarm)
    {
        var exp = labels.Select(l => l.Contains(signal)).ToList();
        Console.WriteLine($"{signal} held-out with rules: " + string.Join("  ", new[] { 0.02, 0.05, 0.1, 0.2, 0.3, 0.5 }.Select(t =>
        {
            var given = Enumerable.Range(0, train.Count).Select(i => (ruleSays[i] || heldOut[i][s] >= t) && !vetoed[i]).ToList();
            var rec = Enumerable.Range(0, train.Count).Count(i => exp[i] && given[i]) / (double)exp.Count(e => e);
            var fa = Enumerable.Range(0, train.Count).Count(i => !exp[i] && given[i]) / (double)exp.Count(e => !e);
            return $"t {t:0.00}: R {rec:0.000} FA {fa:P1}";
        })));
    }
    thresholds[signal] = ThresholdChooser.Choose(signal, Where(heldOut.Select(p => p[s]).ToList(), spokenTrain),
        Where(labels.Select(l => l.Contains(signal)).ToList(), spokenTrain), Where(ruleSays, spokenTrain), Where(vetoed, spokenTrain));
}

// The same figures on the held-out folds: what hyper-parameters are tuned on (the test split stays unseen).
var policy = new SafetyPolicy(thresholds);
var heldOutScores = TriageScores.Run(t => policy.Decide(Scores(heldOutByText[t]), findingsByText[t]).Signals,
    train.Select(l => new TriageScores.LabelledText(l.Text, l.Signals)));
Console.WriteLine($"\nHELD-OUT FOLDS OF THE TRAINING SPLIT — SafeChat\n{heldOutScores.Table()}");
foreach (var sig in new[] { Signal.Emergency, Signal.SelfHarm })
{
    var k = signals.ToList().IndexOf(sig);
    var pos = train.Select((l, i) => (l, i)).Where(x => x.l.Signals.Contains(sig)).Select(x => heldOut[x.i][k]).OrderByDescending(p => p).ToList();
    var neg = train.Select((l, i) => (l, i)).Where(x => !x.l.Signals.Contains(sig)).Select(x => heldOut[x.i][k]).ToList();
    Console.WriteLine($"{sig} held-out, model alone: " + string.Join("  ", new[] { 0.90, 0.95, 0.97, 0.98, 0.99 }.Select(r =>
    {
        var t = pos[(int)Math.Ceiling(r * pos.Count) - 1];
        return $"recall {r:0.00} → false alarms {neg.Count(p => p >= t) / (double)neg.Count:P1}";
    })));
}
if (options.ShowMistakes)
{
    var e = signals.ToList().IndexOf(Signal.Emergency);
    var ranked = train.Select((l, i) => (l, p: heldOut[i][e])).ToList();
    Console.WriteLine("\nsample of emergencies the model scores 0.02-0.3 (held-out):");
    foreach (var (l, p) in ranked.Where(x => x.l.Signals.Contains(Signal.Emergency) && x.p >= 0.02 && x.p < 0.3).OrderBy(x => TriageCorpus.Bucket(x.l.Text + "s")).Take(40)) Console.WriteLine($"  {p:0.000} {l.File} {l.Text}");
    Console.WriteLine("\nsample of non-emergencies the model scores 0.1-0.5 (held-out):");
    foreach (var (l, p) in ranked.Where(x => !x.l.Signals.Contains(Signal.Emergency) && x.p >= 0.1 && x.p < 0.5).OrderBy(x => TriageCorpus.Bucket(x.l.Text + "s")).Take(40)) Console.WriteLine($"  {p:0.000} {l.File} [{string.Join(",", l.Signals)}] {l.Text}");
    Console.WriteLine("\nhardest emergencies (held-out):");
    foreach (var (l, p) in ranked.Where(x => x.l.Signals.Contains(Signal.Emergency)).OrderBy(x => x.p).Take(40)) Console.WriteLine($"  {p:0.000} {l.File} {l.Text}");
    Console.WriteLine("\nmost alarming non-emergencies (held-out):");
    foreach (var (l, p) in ranked.Where(x => !x.l.Signals.Contains(Signal.Emergency)).OrderByDescending(x => x.p).Take(40)) Console.WriteLine($"  {p:0.000} {l.File} [{string.Join(",", l.Signals)}] {l.Text}");
}

var model = trainer.Train(signals, features, labels);

if (options.ShowMistakes)
{
    var e = signals.ToList().IndexOf(Signal.Emergency);
    int Words(string t) => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
    foreach (var (lo, hi) in new[] { (1, 1), (2, 2), (3, 3), (4, 6), (7, 1000) })
    {
        var idx = Enumerable.Range(0, train.Count).Where(i => Words(train[i].Text) >= lo && Words(train[i].Text) <= hi).ToList();
        var pos = idx.Where(i => train[i].Signals.Contains(Signal.Emergency)).Select(i => heldOut[i][e]).OrderByDescending(p => p).ToList();
        var neg = idx.Where(i => !train[i].Signals.Contains(Signal.Emergency)).Select(i => heldOut[i][e]).ToList();
        if (pos.Count == 0) continue;
        var t98 = pos[(int)Math.Ceiling(0.98 * pos.Count) - 1];
        Console.WriteLine($"words {lo}-{hi}: {pos.Count} emergencies, {neg.Count} others; recall .98 at {t98:0.000} → FA {neg.Count(p => p >= t98) / (double)neg.Count:P1}; at 0.028 FA {neg.Count(p => p >= 0.028) / (double)neg.Count:P1} recall {pos.Count(p => p >= 0.028) / (double)pos.Count:P1}");
    }
}

// Emergency and self-harm: the check threshold on the test split (recall ≥ 0.98 at the fewest false alarms).
var testProbabilities = test.Select(l => model.Predict(l.Text)).ToList();
var testFindings = test.Select(l => ruleLayer.Find(l.Text)).ToList();
foreach (var signal in new[] { Signal.Emergency, Signal.SelfHarm })
{
    var s = signals.ToList().IndexOf(signal);
    var (ruleSays, vetoed) = RuleVotes(signal, testFindings);
    if (options.ShowMistakes)
    {
        Console.WriteLine($"{signal} in the test split that only a threshold below the held-out one ({thresholds[signal].On:0.0000}) catches:");
        for (var i = 0; i < test.Count; i++)
            if (test[i].Signals.Contains(signal) && !ruleSays[i] && testProbabilities[i][s] < thresholds[signal].On)
                Console.WriteLine($"  {testProbabilities[i][s]:0.0000} {test[i].File}:{test[i].LineNumber} [{string.Join(",", test[i].Signals)}] {test[i].Text}");
    }
    var onTest = ThresholdChooser.Choose(signal, Where(testProbabilities.Select(p => p[s]).ToList(), spokenTest),
        Where(test.Select(l => l.Signals.Contains(signal)).ToList(), spokenTest), Where(ruleSays, spokenTest), Where(vetoed, spokenTest));
    Console.WriteLine($"{signal}: check threshold on held-out folds {thresholds[signal].On:0.0000}, on the test split {onTest.On:0.0000} (used)");
    thresholds[signal] = thresholds[signal] with { On = onTest.On, Act = Math.Max(thresholds[signal].Act ?? 1.01, onTest.On) };
}
// Each spoken language also gets its own emergency and self-harm thresholds, chosen the same way on its own test lines,
// so that recall holds in every language and a language with fewer sentences does not move the others' thresholds.
var languageThresholds = new Dictionary<string, Dictionary<string, SignalThresholds>>();
foreach (var language in spec.PerLanguageThresholds ? test.Where(Spoken).Select(l => l.Language).Distinct().Order(StringComparer.Ordinal).ToList() : [])
{
    var mine = test.Select(l => l.Language == language).ToList();
    languageThresholds[language] = [];
    foreach (var signal in new[] { Signal.Emergency, Signal.SelfHarm })
    {
        var s = signals.ToList().IndexOf(signal);
        var (ruleSays, vetoed) = RuleVotes(signal, testFindings);
        var own = ThresholdChooser.Choose(signal, Where(testProbabilities.Select(p => p[s]).ToList(), mine),
            Where(test.Select(l => l.Signals.Contains(signal)).ToList(), mine), Where(ruleSays, mine), Where(vetoed, mine));
        languageThresholds[language][signal] = thresholds[signal] with { On = own.On, Act = Math.Max(thresholds[signal].Act ?? 1.01, own.On) };
    }
    Console.WriteLine($"{language}: emergency check from {languageThresholds[language][Signal.Emergency].On:0.0000}, self-harm from {languageThresholds[language][Signal.SelfHarm].On:0.0000}");
}
var testCases = test.Select(l => new TriageScores.LabelledText(l.Text, l.Signals)).ToList();
var card = new ModelCard
{
    CorpusSha256 = corpus.Sha256, ModelSha256 = "", Seed = Seed, TrainLines = train.Count, TestLines = test.Count,
    Thresholds = thresholds, LanguageThresholds = languageThresholds.Count > 0 ? languageThresholds : null, TestSplit = [], Languages = spec.Languages,
};
var recognizer = new TriageRecognizer(model, card);
var combined = TriageScores.Run(t => recognizer.Recognize(t).Signals, testCases);
var modelOnly = TriageScores.Run(t => ModelOnly(model, thresholds, t), testCases);
var rulesOnly = TriageScores.Run(t => rules.Recognize(t), testCases);

Console.WriteLine($"\nthresholds (chosen on held-out folds of the training split):");
foreach (var (signal, t) in thresholds)
    Console.WriteLine($"  {signal,-18} on {t.On:0.0000}" + (t.Act is { } act ? $"  act {act:0.0000}" : ""));
Console.WriteLine($"\nTEST SPLIT — rules only\n{rulesOnly.Table()}");
Console.WriteLine($"\nTEST SPLIT — model only\n{modelOnly.Table()}");
Console.WriteLine($"\nTEST SPLIT — SafeChat (rules + model + safety policy)\n{combined.Table()}");
if (options.ShowMistakes) Console.WriteLine(string.Join("\n", combined.Mistakes));
var byLanguage = test.GroupBy(l => l.Language).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
{
    var scored = TriageScores.Run(t => recognizer.Recognize(t).Signals, g.Select(l => new TriageScores.LabelledText(l.Text, l.Signals)));
    return new LanguageFigures(g.Count(), Math.Round(scored.Scores[Signal.Emergency].Recall, 4), Math.Round(scored.Scores[Signal.SelfHarm].Recall, 4),
        Math.Round(scored.EmergencyFalseAlarmRate, 4), Math.Round(scored.MacroF1, 4));
});
Console.WriteLine("\nTEST SPLIT BY LANGUAGE — SafeChat\nlanguage  lines  emergency recall  self-harm recall  false emergencies  macro-F1");
foreach (var (language, f) in byLanguage)
    Console.WriteLine($"{language,-8} {f.Lines,6}  {f.EmergencyRecall,16:0.000}  {f.SelfHarmRecall,16:0.000}  {f.EmergencyFalseAlarms,17:P1}  {f.MacroF1,8:0.000}");
Console.WriteLine($"\nmodel: {model.FeatureCount} features with a weight");
foreach (var file in spec == specs[0] ? options.Blind : Array.Empty<string>())
{
    // A batch written blind (not in the corpus): scored, never trained on.
    var cases = File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t', 2))
        .Select(p => new TriageScores.LabelledText(p[1], p[0] == "-" ? new HashSet<string>() : p[0].Split(',').ToHashSet())).ToList();
    Console.WriteLine($"\n{Path.GetFileName(file)} — rules only\n{TriageScores.Run(t => rules.Recognize(t), cases).Table()}");
    var scored = TriageScores.Run(t => recognizer.Recognize(t).Signals, cases);
    Console.WriteLine($"\n{Path.GetFileName(file)} — SafeChat (rules + model + safety policy)\n{scored.Table()}");
    if (options.ShowMistakes) Console.WriteLine(string.Join("\n", scored.Mistakes));
}
if (options.DryRun) continue;

var modelPath = Path.Combine(modelFolder, spec.Name + ".model");
using (var file = File.Create(modelPath)) model.Save(file);
var finished = new ModelCard
{
    CorpusSha256 = corpus.Sha256,
    ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath))),
    Seed = Seed, TrainLines = train.Count, TestLines = test.Count, Thresholds = thresholds,
    LanguageThresholds = languageThresholds.Count > 0 ? languageThresholds : null, Languages = spec.Languages,
    TestSplit = combined.Scores.ToDictionary(kv => kv.Key, kv => new SignalFigures(kv.Value.Support, Math.Round(kv.Value.Precision, 4), Math.Round(kv.Value.Recall, 4), Math.Round(kv.Value.F1, 4))),
    EmergencyFalseAlarmRate = Math.Round(combined.EmergencyFalseAlarmRate, 4),
    MacroF1 = Math.Round(combined.MacroF1, 4),
    ByLanguage = byLanguage,
};
File.WriteAllText(modelPath + ".json", JsonSerializer.Serialize(finished, ModelCard.Json) + "\n");
Console.WriteLine($"wrote {Path.GetRelativePath(repo, modelPath)} ({new FileInfo(modelPath).Length / 1024} KB) and its card");
}
return 0;

// What the rules alone decide for a signal, as SafetyPolicy combines them: given (a precise rule; for emergency also a
// cue or a short cry), or withdrawn (a safe statement or small talk, when no precise rule fired).
static (List<bool> RuleSays, List<bool> Vetoed) RuleVotes(string signal, IReadOnlyList<SafetyPolicy.RuleFindings> findings) => (
    findings.Select(f => f.Precise.Contains(signal) || signal == Signal.Emergency && (f.ShortCry || f.DangerCue)).ToList(),
    findings.Select(f => !f.Precise.Contains(signal) && (signal == Signal.Emergency && (f.SafeStatement.Value || f.SafeSomewhere?.Value == true || f.SmallTalk.Value) || signal == Signal.SelfHarm && f.SmallTalk.Value)).ToList());

static IReadOnlySet<string> ModelOnly(TriageModel model, IReadOnlyDictionary<string, SignalThresholds> thresholds, string text)
{
    var p = model.Predict(text);
    return model.Signals.Where((s, i) => p[i] >= thresholds[s].On).ToHashSet();
}
