using System.Collections.Immutable;

namespace LambdaBestPractices.Analyzers;

/// <summary>
/// Every <c>.editorconfig</c> / <c>.globalconfig</c> key the analyzers read, in one place (ARCHITECTURE.md 3.8): the owned
/// prefix <c>lambda_best_practices.</c>, then a rule ID and a snake_case option, or a package-wide option without an ID.
/// Lists are <c>|</c>-separated, booleans <c>true</c>/<c>false</c>. <see cref="All"/> feeds docs/configuration.md (the
/// generator in tools/) and the convention test that every key is documented on its rule page.
/// </summary>
internal static class OptionKeys
{
    public const string Prefix = "lambda_best_practices.";

    /// <summary>Package-wide: <c>true</c> marks the project (or, in an .editorconfig section, the files) as test code.</summary>
    public const string TreatAsTestProject = Prefix + "treat_as_test_project";

    /// <summary>Package-wide: extra handler methods, <c>|</c>-separated (<c>Namespace.Type.Method</c> or <c>M:</c> doc IDs).</summary>
    public const string HandlerMethods = Prefix + "handler_methods";

    /// <summary>Package-wide: <c>true</c> says the functions use SnapStart (LBP206), when no code registers a SnapStart hook.</summary>
    public const string SnapStart = Prefix + "snapstart";

    /// <summary>LBP301: replaces the secret token list.</summary>
    public const string LBP301SecretTokens = Prefix + "LBP301.secret_tokens";

    /// <summary>LBP301: replaces the list of suffixes that mark a name as pointing at a secret.</summary>
    public const string LBP301ExcludedSuffixes = Prefix + "LBP301.excluded_suffixes";

    /// <summary>LBP301: exact names that are never reported, added to the built-in ones.</summary>
    public const string LBP301ExcludedNames = Prefix + "LBP301.excluded_names";

    /// <summary>LBP101: more client types that must be created once (fully qualified names), added to the built-in ones.</summary>
    public const string LBP101AdditionalClientTypes = Prefix + "LBP101.additional_client_types";

    /// <summary>LBP401: resource-name slots that are not checked, added to none.</summary>
    public const string LBP401ExcludedSlots = Prefix + "LBP401.excluded_slots";

    public static ImmutableArray<OptionInfo> All { get; } = ImmutableArray.Create(
        new OptionInfo(
            TreatAsTestProject,
            ruleId: null,
            values: "`true` or `false`",
            defaultValue: "unset: a project is test code when MSBuild sets `IsTestProject` or it references xUnit, NUnit, MSTest or TUnit",
            description: "Marks test code, which the configuration and security rules leave alone. `false` un-marks a project the automatic checks would mark."),
        new OptionInfo(
            HandlerMethods,
            ruleId: null,
            values: "`|`-separated methods: `Namespace.Type.Method` or `M:Namespace.Type.Method(ParameterTypes)`",
            defaultValue: "empty",
            description: "Extra handler entry points, for handlers the model cannot recognise (no `ILambdaContext` parameter, no `[LambdaFunction]`, not passed to `LambdaBootstrapBuilder.Create`), such as a method named only in `serverless.template`."),
        new OptionInfo(
            SnapStart,
            ruleId: null,
            values: "`true` or `false`",
            defaultValue: "unset: a compilation uses SnapStart when its code calls `SnapshotRestore.RegisterBeforeSnapshot` or `RegisterAfterRestore`",
            description: "Says the project's functions run with SnapStart, which LBP206 checks for; `false` turns LBP206 off even where the code registers SnapStart hooks."),
        new OptionInfo(
            LBP101AdditionalClientTypes,
            ruleId: "LBP101",
            values: "`|`- or `,`-separated fully qualified type names, such as `Acme.Payments.PaymentsClient|Acme.Search.SearchClient`",
            defaultValue: "empty: the AWS SDK clients, `DynamoDBContext`, `TransferUtility`, `HttpClient` and the third-party clients on the rule page",
            description: "**Adds** client types (and the types derived from them) that LBP101 reports when they are created on the invocation path."),
        new OptionInfo(
            LBP301SecretTokens,
            ruleId: "LBP301",
            values: "`|`- or `,`-separated tokens, such as `PASSWORD|API_KEY`",
            defaultValue: "the token list on the rule page",
            description: "**Replaces** the tokens that make a variable name look like a secret."),
        new OptionInfo(
            LBP301ExcludedSuffixes,
            ruleId: "LBP301",
            values: "`|`- or `,`-separated suffixes, such as `_ARN|_PARAMETER` (leading underscore optional)",
            defaultValue: "the suffix list on the rule page",
            description: "**Replaces** the suffixes that mark a name as pointing at a secret (`DB_SECRET_ARN`) rather than holding one."),
        new OptionInfo(
            LBP301ExcludedNames,
            ruleId: "LBP301",
            values: "`|`- or `,`-separated exact names",
            defaultValue: "empty (the built-in runtime names stay excluded)",
            description: "**Adds** exact variable names that are never reported."),
        new OptionInfo(
            LBP401ExcludedSlots,
            ruleId: "LBP401",
            values: "`|`- or `,`-separated slots: a member or parameter name (`SecretId`, `bucketName`), optionally with its type (`GetSecretValueRequest.SecretId`), `arn` / `queue_url` for values recognised by their shape, or `DynamoDBTable` for the `[DynamoDBTable]` model check",
            defaultValue: "empty: every slot on the rule page is checked",
            description: "Slots LBP401 does not check, for teams that deliberately name some resources in code."));
}

/// <summary>One configuration key: where it applies and what it takes.</summary>
internal sealed class OptionInfo
{
    public OptionInfo(string key, string? ruleId, string values, string defaultValue, string description)
    {
        Key = key;
        RuleId = ruleId;
        Values = values;
        DefaultValue = defaultValue;
        Description = description;
    }

    public string Key { get; }

    /// <summary>The rule the option belongs to, or null for a package-wide option.</summary>
    public string? RuleId { get; }

    public string Values { get; }

    public string DefaultValue { get; }

    public string Description { get; }
}
