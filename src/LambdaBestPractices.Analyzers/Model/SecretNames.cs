using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// LBP301's name heuristic, shared with LBP303 (a secret-named variable's value in a log): does an environment
/// variable's <em>name</em> say that it holds secret material?
/// <list type="number">
/// <item>The name is split into upper-case tokens at separators (<c>_ . - / : space</c>), at camelCase humps and between
/// letters and digits, so <c>DB_PASSWORD</c>, <c>dbPassword</c>, <c>Db.Password</c> and <c>db-password</c> all give
/// <c>DB PASSWORD</c>.</item>
/// <item>It looks like a secret when a run of consecutive tokens spells one of the secret tokens (<c>PASSWORD</c>,
/// <c>API_KEY</c>, ...). An entry matches whatever way it is split: <c>API_KEY</c>, <c>APIKEY</c>, <c>apiKey</c> and
/// <c>ApiKey</c> are the same entry.</item>
/// <item>Names that point at a secret (<c>DB_SECRET_ARN</c>, <c>API_KEY_PARAMETER</c>) or hold a setting about it
/// (<c>TOKEN_TTL</c>, <c>PASSWORD_MIN_LENGTH</c>) end with an excluded suffix and are not secrets.</item>
/// <item>Exact names that the Lambda runtime or the OS set (<c>AWS_SESSION_TOKEN</c>, <c>PWD</c>) are never secrets here.</item>
/// </list>
/// Both lists can be replaced in <c>.editorconfig</c> (<see cref="SecretTokensOption"/>, <see cref="ExcludedSuffixesOption"/>);
/// <see cref="ExcludedNamesOption"/> adds exact names. Instances are thread-safe and always give the same answer for a name;
/// they remember up to 4,096 answers (the counter stops counting at the limit, so it never wraps).
/// </summary>
internal sealed class SecretNames
{
    /// <summary>Replaces the secret token list: <c>|</c>- or <c>,</c>-separated entries such as <c>PASSWORD|API_KEY</c>.</summary>
    public const string SecretTokensOption = OptionKeys.LBP301SecretTokens;

    /// <summary>Replaces the excluded suffix list: entries such as <c>_ARN|_PARAMETER</c> (the leading underscore is optional).</summary>
    public const string ExcludedSuffixesOption = OptionKeys.LBP301ExcludedSuffixes;

    /// <summary>Adds exact names that are never reported, to the built-in ones (<see cref="BuiltInExcludedNames"/>).</summary>
    public const string ExcludedNamesOption = OptionKeys.LBP301ExcludedNames;

    /// <summary>The tokens that make a name look like a secret (RULES.md, LBP301).</summary>
    public static readonly ImmutableArray<string> DefaultSecretTokens = ImmutableArray.Create(
        "PASSWORD",
        "PASSWD",
        "PWD",
        "SECRET",
        "TOKEN",
        "APIKEY",
        "API_KEY",
        "PRIVATE_KEY",
        "SECRET_ACCESS_KEY",
        "CLIENT_SECRET",
        "CONNECTION_STRING",
        "CONNECTION_STRINGS",
        "CONNSTR",
        "CREDENTIALS",
        // Connection-string shaped names: the string carries the database password (and `_CONN`, `_DSN` below).
        "DB_CONNECTION",
        "DATABASE_CONNECTION",
        "SQL_CONNECTION",
        "DATABASE_URL",
        "DB_URL");

    /// <summary>
    /// Entries that count only as a name's last token, and not after a count or limit word: <c>REDIS_CONN</c>, <c>PG_DSN</c>,
    /// but not <c>MAX_CONN</c>, <c>DB_POOL_CONN</c> or <c>CONN_TIMEOUT</c>. They apply with the default secret tokens (a
    /// replaced list is taken as it is written).
    /// </summary>
    public static readonly ImmutableArray<string> DefaultTrailingTokens = ImmutableArray.Create("CONN", "DSN");

    private static readonly HashSet<string> CountWords = new(StringComparer.Ordinal) { "MAX", "MIN", "NUM", "POOL", "IDLE" };

    /// <summary>
    /// An entry of at least this many letters also matches at the end of a longer word (<c>DBCONNECTIONSTRING</c>,
    /// <c>MYCLIENTSECRET</c>): names written without separators. Shorter entries match whole tokens only, so
    /// <c>SECRETARY</c>, <c>TOKENIZER</c> and <c>MAXTOKENS</c> stay silent.
    /// </summary>
    private const int GluedEntryLength = 10;

    /// <summary>
    /// Suffixes of names that point at a secret (its ARN, name, parameter, URL, ...) or hold a setting that is not secret
    /// material (a time to live, a size, a flag).
    /// </summary>
    public static readonly ImmutableArray<string> DefaultExcludedSuffixes = ImmutableArray.Create(
        // Pointers at a secret or at the resource that holds it (the list).
        "_ARN",
        "_NAME",
        "_ID",
        "_KEY_ID",
        "_PARAMETER",
        "_PARAM",
        "_PATH",
        "_SECRET_ID",
        "_URL",
        "_URI",
        "_ENDPOINT",
        "_PORT",
        "_TTL",
        "_TABLE",
        "_BUCKET",
        "_QUEUE",
        // More pointers: a file holding it, the HTTP header that carries it, where and which version of it.
        "_FILE",
        "_HEADER",
        "_REGION",
        "_VERSION",
        // Settings about a secret, not the secret (RULES.md: durations, sizes, counts, flags).
        "_MINUTES",
        "_SECONDS",
        "_HOURS",
        "_DAYS",
        "_TIMEOUT",
        "_EXPIRY",
        "_COUNT",
        "_SIZE",
        "_LENGTH",
        "_LIMIT",
        "_ENABLED",
        "_TYPE",
        "_ISSUER",
        "_AUDIENCE");

    /// <summary>
    /// Names that are never secrets of the function's own: the execution role's short-lived credentials, which the Lambda
    /// runtime sets itself, and the shell's working directory variables (<c>PWD</c> is also a password token).
    /// </summary>
    public static readonly ImmutableArray<string> BuiltInExcludedNames = ImmutableArray.Create(
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "PWD",
        "OLDPWD",
        // Sentry documents its DSN as safe to make public (it only lets a client send events).
        "SENTRY_DSN");

    private static readonly char[] ListSeparators = { '|', ',', ';' };

    private readonly HashSet<string> _secretTokens;
    private readonly int _longestSecretToken;
    private readonly ImmutableArray<string[]> _excludedSuffixes;
    private readonly HashSet<string> _excludedNames;
    private readonly HashSet<string> _trailingTokens;

    private SecretNames(IEnumerable<string> secretTokens, IEnumerable<string> excludedSuffixes, IEnumerable<string> excludedNames, IEnumerable<string> trailingTokens)
    {
        _trailingTokens = new HashSet<string>(trailingTokens, StringComparer.Ordinal);
        _secretTokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in secretTokens)
        {
            var key = string.Concat(Tokenize(entry));
            if (key.Length > 0 && _secretTokens.Add(key))
            {
                _longestSecretToken = Math.Max(_longestSecretToken, key.Length);
            }
        }

        var suffixes = ImmutableArray.CreateBuilder<string[]>();
        foreach (var entry in excludedSuffixes)
        {
            var tokens = Tokenize(entry);
            if (tokens.Length > 0)
            {
                suffixes.Add(tokens);
            }
        }

        _excludedSuffixes = suffixes.ToImmutable();

        _excludedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in excludedNames)
        {
            var canonical = Canonical(entry);
            if (canonical.Length > 0)
            {
                _excludedNames.Add(canonical);
            }
        }
    }

    /// <summary>The built-in lists.</summary>
    public static SecretNames Default { get; } = new(DefaultSecretTokens, DefaultExcludedSuffixes, BuiltInExcludedNames, DefaultTrailingTokens);

    /// <summary>
    /// The heuristic configured by the raw option values (null when not set). A value that is set but holds no entry
    /// (<c>secret_tokens = </c>) means an empty list: nothing looks like a secret.
    /// </summary>
    public static SecretNames Create(string? secretTokens, string? excludedSuffixes, string? excludedNames)
    {
        if (secretTokens is null && excludedSuffixes is null && excludedNames is null)
        {
            return Default;
        }

        var names = new List<string>(BuiltInExcludedNames);
        names.AddRange(SplitList(excludedNames));
        return new SecretNames(
            secretTokens is null ? DefaultSecretTokens : SplitList(secretTokens),
            excludedSuffixes is null ? DefaultExcludedSuffixes : SplitList(excludedSuffixes),
            names,
            secretTokens is null ? DefaultTrailingTokens : Array.Empty<string>());
    }

    /// <summary>Whether the variable <paramref name="name"/> looks like it holds secret material.</summary>
    public bool IsSecret(string? name) => Classify(name) == NameKind.Secret;

    /// <summary>
    /// What the variable <paramref name="name"/> says it holds, from one tokenization: a secret; nothing (no secret entry,
    /// no pointer or setting suffix, not a runtime name: <c>VALUE</c>, <c>CONFIG</c>, an empty placeholder), so where its
    /// value is stored then tells; or something else (a pointer, a setting, a runtime name).
    /// </summary>
    public NameKind Classify(string? name)
    {
        if (name is null)
        {
            return ClassifyTokens(name);
        }

        if (_answers.TryGetValue(name, out var known) && known.Kind is { } kind)
        {
            return kind;
        }

        var answer = ClassifyTokens(name);
        Remember(name, known with { Kind = answer });
        return answer;
    }

    private NameKind ClassifyTokens(string? name)
    {
        var tokens = Tokenize(name);
        if (tokens.Length == 0)
        {
            return NameKind.SaysNothing;
        }

        if (_excludedNames.Contains(string.Join("_", tokens)))
        {
            return NameKind.Other;
        }

        // A pointer or setting suffix wins (`DB_PASSWORD_SECRET_ARN`, `TOKEN_TTL`), unless an entry that ends the name
        // spans more tokens than the suffix: `DATABASE_URL` is the connection string itself, not a pointer at it.
        var suffix = ExcludedSuffixSpan(tokens);
        if (suffix > 0)
        {
            return TrailingSecretSpan(tokens) > suffix ? NameKind.Secret : NameKind.Other;
        }

        return ContainsSecretToken(tokens) || EndsWithTrailingToken(tokens) ? NameKind.Secret : NameKind.SaysNothing;
    }

    /// <summary>
    /// Whether <paramref name="name"/> ends with a secret entry (<c>password</c>, <c>dbPassword</c>, <c>apiKey</c>,
    /// <c>connectionString</c>): what a destination's name must do to say its value is a secret. An entry that only
    /// qualifies the name (<c>secretPrefix</c>, <c>credentialsProfile</c>) does not.
    /// </summary>
    public bool EndsWithSecret(string? name)
    {
        if (name is null)
        {
            return false;
        }

        if (_answers.TryGetValue(name, out var known) && known.EndsWithSecret is { } endsWithSecret)
        {
            return endsWithSecret;
        }

        var tokens = Tokenize(name);
        var answer = tokens.Length > 0 && !_excludedNames.Contains(string.Join("_", tokens)) && TrailingSecretSpan(tokens) > ExcludedSuffixSpan(tokens);
        Remember(name, known with { EndsWithSecret = answer });
        return answer;
    }

    // The same names are asked about again and again (every handler reads `TABLE_NAME`; every `password` local is a
    // destination), and each answer tokenizes the name. Answers are kept per name, at most MaxRemembered of them: the
    // default instance lives as long as the analyzer assembly, and an IDE session sees names being typed.
    private const int MaxRemembered = 4096;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Answers> _answers = new(StringComparer.Ordinal);
    private int _remembered;

    private void Remember(string name, Answers answers)
    {
        if (_answers.ContainsKey(name))
        {
            _answers[name] = answers;
        }
        else if (System.Threading.Volatile.Read(ref _remembered) < MaxRemembered && System.Threading.Interlocked.Increment(ref _remembered) <= MaxRemembered)
        {
            _answers[name] = answers;
        }
    }

    /// <summary>What is known of one name (null: not asked yet).</summary>
    private struct Answers
    {
        public NameKind? Kind;
        public bool? EndsWithSecret;
    }

    private bool EndsWithTrailingToken(string[] tokens) =>
        tokens.Length > 0
        && _trailingTokens.Contains(tokens[tokens.Length - 1])
        && (tokens.Length == 1 || !CountWords.Contains(tokens[tokens.Length - 2]));

    /// <summary>
    /// Splits a name into upper-case tokens: at every character that is not a letter or digit, at a lower-to-upper
    /// case change (<c>dbPassword</c>), before the last capital of a capital run followed by a lower-case letter
    /// (<c>APIKey</c> → <c>API KEY</c>), and between letters and digits (<c>Password2</c> → <c>PASSWORD 2</c>).
    /// </summary>
    public static string[] Tokenize(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return Array.Empty<string>();
        }

        var tokens = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(tokens, current);
                continue;
            }

            if (current.Length > 0 && IsBoundary(name[i - 1], c, i + 1 < name.Length ? name[i + 1] : '\0'))
            {
                Flush(tokens, current);
            }

            current.Append(char.ToUpperInvariant(c));
        }

        Flush(tokens, current);
        return tokens.ToArray();
    }

    /// <summary>The tokens of <paramref name="name"/> joined by underscores: <c>dbPassword</c> → <c>DB_PASSWORD</c>.</summary>
    public static string Canonical(string? name) => string.Join("_", Tokenize(name));

    private static bool IsBoundary(char previous, char c, char next)
    {
        if (char.IsDigit(previous) != char.IsDigit(c))
        {
            return true;
        }

        if (char.IsLower(previous) && char.IsUpper(c))
        {
            return true;
        }

        // The last capital of a run starts a new word when a lower-case letter follows: "APIKey" -> API, Key.
        return char.IsUpper(previous) && char.IsUpper(c) && char.IsLower(next);
    }

    private static void Flush(List<string> tokens, StringBuilder current)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>How many tokens the longest excluded suffix that ends the name has, or 0.</summary>
    private int ExcludedSuffixSpan(string[] tokens)
    {
        var longest = 0;
        foreach (var suffix in _excludedSuffixes)
        {
            if (suffix.Length > tokens.Length || suffix.Length <= longest)
            {
                continue;
            }

            var offset = tokens.Length - suffix.Length;
            var matches = true;
            for (var i = 0; i < suffix.Length && matches; i++)
            {
                matches = string.Equals(tokens[offset + i], suffix[i], StringComparison.Ordinal);
            }

            if (matches)
            {
                longest = suffix.Length;
            }
        }

        return longest;
    }

    /// <summary>
    /// How many of the last tokens an entry spells (the longest such entry), 1 when only the last token ends with a long
    /// entry (<see cref="GluedEntryLength"/>), 0 when the name does not end with an entry.
    /// </summary>
    private int TrailingSecretSpan(string[] tokens)
    {
        var span = 0;
        var run = string.Empty;
        for (var start = tokens.Length - 1; start >= 0; start--)
        {
            run = tokens[start] + run;
            if (run.Length > _longestSecretToken)
            {
                break;
            }

            if (_secretTokens.Contains(run))
            {
                span = tokens.Length - start;
            }
        }

        return span == 0 && (EndsWithGluedEntry(tokens[tokens.Length - 1]) || EndsWithTrailingToken(tokens)) ? 1 : span;
    }

    private bool EndsWithGluedEntry(string token)
    {
        foreach (var entry in _secretTokens)
        {
            if (entry.Length >= GluedEntryLength && token.Length > entry.Length && token.EndsWith(entry, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool ContainsSecretToken(string[] tokens)
    {
        // Every run of consecutive tokens, concatenated, up to the longest entry: API + KEY spells APIKEY.
        var run = new StringBuilder();
        for (var start = 0; start < tokens.Length; start++)
        {
            run.Clear();
            for (var end = start; end < tokens.Length; end++)
            {
                run.Append(tokens[end]);
                if (run.Length > _longestSecretToken)
                {
                    break;
                }

                if (_secretTokens.Contains(run.ToString()))
                {
                    return true;
                }
            }

            if (EndsWithGluedEntry(tokens[start]))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> SplitList(string? value)
    {
        if (value is null)
        {
            yield break;
        }

        foreach (var part in value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                yield return trimmed;
            }
        }
    }
}

/// <summary>
/// The heuristic configured for each file of one compilation (its <c>.editorconfig</c> options), read once per file; files
/// with the same option values share one <see cref="SecretNames"/>.
/// </summary>
internal sealed class SecretNamesByFile
{
    private readonly CodeSettings _settings;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.CodeAnalysis.SyntaxTree, SecretNames> _trees = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string?, string?, string?), SecretNames> _names = new();

    public SecretNamesByFile(CodeSettings settings) => _settings = settings;

    /// <summary>Whether <paramref name="name"/>, read or written in non-test code of <paramref name="tree"/>, looks like a secret there.</summary>
    public bool IsSecretIn(Microsoft.CodeAnalysis.SyntaxTree tree, string name) => ClassifyIn(tree, name) == NameKind.Secret;

    /// <summary>What <paramref name="name"/>, read in <paramref name="tree"/>, says it holds there; test code says nothing of interest (<see cref="NameKind.Other"/>).</summary>
    public NameKind ClassifyIn(Microsoft.CodeAnalysis.SyntaxTree tree, string name) => _settings.IsTest(tree) ? NameKind.Other : For(tree).Classify(name);

    /// <summary>Whether <paramref name="name"/> (a local, member or parameter) ends with a secret entry in <paramref name="tree"/>.</summary>
    public bool EndsWithSecretIn(Microsoft.CodeAnalysis.SyntaxTree tree, string name) => !_settings.IsTest(tree) && For(tree).EndsWithSecret(name);

    private SecretNames For(Microsoft.CodeAnalysis.SyntaxTree tree) =>
        _trees.TryGetValue(tree, out var known) ? known : _trees.GetOrAdd(tree, Create);

    private SecretNames Create(Microsoft.CodeAnalysis.SyntaxTree tree) => For(_settings.Options(tree), _names);

    /// <summary>The heuristic <paramref name="options"/> configure (the project's global options for a deployment file).</summary>
    public static SecretNames For(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, System.Collections.Concurrent.ConcurrentDictionary<(string?, string?, string?), SecretNames>? shared = null)
    {
        var key = (Read(options, SecretNames.SecretTokensOption), Read(options, SecretNames.ExcludedSuffixesOption), Read(options, SecretNames.ExcludedNamesOption));
        return key is (null, null, null) ? SecretNames.Default
            : shared is null ? SecretNames.Create(key.Item1, key.Item2, key.Item3)
            : shared.GetOrAdd(key, static k => SecretNames.Create(k.Item1, k.Item2, k.Item3));
    }

    private static string? Read(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string key) => options.TryGetValue(key, out var value) ? value : null;
}

/// <summary>What an environment variable's name says it holds (<see cref="SecretNames.Classify"/>).</summary>
internal enum NameKind
{
    /// <summary>Secret material: <c>DB_PASSWORD</c>, <c>apiKey</c>, <c>DATABASE_URL</c>.</summary>
    Secret,

    /// <summary>Nothing: no secret entry, no pointer or setting suffix (<c>VALUE</c>, an empty placeholder).</summary>
    SaysNothing,

    /// <summary>A pointer at a secret, a setting about one, or a runtime name: <c>DB_SECRET_ARN</c>, <c>TOKEN_TTL</c>, <c>PWD</c>.</summary>
    Other,
}
