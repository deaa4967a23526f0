using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers;

/// <summary>
/// Every diagnostic descriptor of the package, in one place.
/// <para>
/// Each descriptor is a literal <c>new DiagnosticDescriptor(...)</c> with constant ID, category and severity, because that is
/// what Roslyn's release tracking (RS2000-RS2008) reads; the help link always comes from <see cref="HelpLinks.For"/> and the
/// tags from <see cref="Tags"/>, so the URL pattern and tag policy still live in one place.
/// </para>
/// Severity policy (after NetAnalyzers' RuleLevel):
/// <list type="bullet">
/// <item>Warning: no known false positives; the cost in Lambda is real.</item>
/// <item>Info: valuable but heuristic.</item>
/// <item>Disabled by default: noisy or opinionated.</item>
/// </list>
/// A rule that needs the whole compilation (reach across types and files) reports from a compilation-end action
/// through a second descriptor with the same ID, tagged <see cref="WellKnownDiagnosticTags.CompilationEnd"/> (RS1037).
/// IDEs show those only with full-solution analysis; the rule pages say which cases they are.
/// </summary>
internal static class Descriptors
{
    private const string LBP101Title = "Create SDK clients once per execution environment";
    private const string LBP101Message = "'{0}' is created on every invocation; create it once per execution environment and reuse it";
    private const string LBP101Description =
        "Constructing an AWS SDK client, DynamoDBContext, TransferUtility or HttpClient inside a Lambda handler (or a method it calls) " +
        "repeats credential resolution, endpoint setup and TLS handshakes on every invocation and can exhaust sockets. " +
        "Create it once in a static or instance field, in the constructor, or through dependency injection.";

    public static readonly DiagnosticDescriptor LBP101_CreateSdkClientsOnce = new(
        id: DiagnosticIds.CreateSdkClientsOnce,
        title: LBP101Title,
        messageFormat: LBP101Message,
        category: DiagnosticCategories.Performance,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP101Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.CreateSdkClientsOnce),
        customTags: Tags.Live);

    /// <summary>LBP101 for clients reached from a handler in another type or file, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP101_CreateSdkClientsOnce_CrossType = new(
        id: DiagnosticIds.CreateSdkClientsOnce,
        title: LBP101Title,
        messageFormat: LBP101Message,
        category: DiagnosticCategories.Performance,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP101Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.CreateSdkClientsOnce),
        customTags: Tags.CompilationEnd);

    private const string LBP201Title = "Avoid recursive invocation loops";
    private const string LBP201Message = "Recursive invocation loop: {0}; each call triggers another invocation, billed until the loop is stopped";
    private const string LBP201Description =
        "A function that invokes itself, or writes into the bucket, queue, topic or table whose events trigger it, runs again " +
        "for every write: a loop that bills every invocation and downstream call until someone notices. Lambda's loop detection " +
        "only stops some of these loops, after about 16 rounds, and never DynamoDB streams. Write to another resource, or guard " +
        "the handler so that its own writes do not trigger it again.";

    /// <summary>LBP201, for sites reached from a handler of the same type (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP201_AvoidRecursiveInvocationLoops = new(
        id: DiagnosticIds.AvoidRecursiveInvocationLoops,
        title: LBP201Title,
        messageFormat: LBP201Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP201Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.AvoidRecursiveInvocationLoops),
        customTags: Tags.Live);

    /// <summary>LBP201 for sites reached from a handler in another type or file, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP201_AvoidRecursiveInvocationLoops_CrossType = new(
        id: DiagnosticIds.AvoidRecursiveInvocationLoops,
        title: LBP201Title,
        messageFormat: LBP201Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP201Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.AvoidRecursiveInvocationLoops),
        customTags: Tags.CompilationEnd);

    private const string LBP301Title = "Keep secrets out of plain environment variables";
    private const string LBP301Message = "Environment variable '{0}' holds a secret in plain text; keep it in Secrets Manager or a Parameter Store SecureString, read once at init and cached, or encrypt it with a customer managed KMS key";
    private const string LBP301Description =
        "A Lambda function's environment variables can be read by anyone allowed to read its configuration (console, " +
        "GetFunctionConfiguration, CloudFormation and CDK output) and end up in logs and support cases. Keep passwords, API keys " +
        "and tokens in AWS Secrets Manager or a Parameter Store SecureString, read them once at init and cache them; if one must " +
        "be an environment variable, encrypt it with a customer managed KMS key and decrypt it in code.";

    /// <summary>LBP301. Messages name the variable, never its value (no literal, prefix or length).</summary>
    public static readonly DiagnosticDescriptor LBP301_KeepSecretsOutOfEnvironmentVariables = new(
        id: DiagnosticIds.KeepSecretsOutOfEnvironmentVariables,
        title: LBP301Title,
        messageFormat: LBP301Message,
        category: DiagnosticCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP301Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.KeepSecretsOutOfEnvironmentVariables),
        customTags: Tags.Live);

    /// <summary>LBP301 for a CDK environment dictionary built in one method and handed to another that sets the function's environment, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP301_KeepSecretsOutOfEnvironmentVariables_CrossType = new(
        id: DiagnosticIds.KeepSecretsOutOfEnvironmentVariables,
        title: LBP301Title,
        messageFormat: LBP301Message,
        category: DiagnosticCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP301Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.KeepSecretsOutOfEnvironmentVariables),
        customTags: Tags.CompilationEnd);

    /// <summary>LBP302. Messages name the code construct, never the key (no literal, prefix or length).</summary>
    public static readonly DiagnosticDescriptor LBP302_DontHardCodeAwsCredentials = new(
        id: DiagnosticIds.DontHardCodeAwsCredentials,
        title: "Don't hard-code AWS credentials",
        messageFormat: "Hard-coded AWS credentials in {0}; remove them so the SDK uses the function's execution role",
        category: DiagnosticCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "Access keys in source code end up in repositories, packages, build logs and decompiled assemblies, and keep working " +
            "after the code has moved on. A Lambda function already has credentials: a client created without explicit " +
            "credentials uses the execution role's temporary credentials, which Lambda rotates.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontHardCodeAwsCredentials),
        customTags: Tags.Live);

    private const string LBP401Title = "Don't hard-code resource names";
    private const string LBP401Message = "The {0} '{1}' is hard-coded in {2}; read it from an environment variable or configuration";
    private const string LBP401Description =
        "A bucket, table, queue, topic, function, state machine, event bus, secret or parameter named in code ties the function " +
        "to one deployment: a second stage, region or account (and every test stack) needs a code change, and a copied stack " +
        "silently writes into the original's resources. Pass resource names through environment variables set by the template " +
        "or CDK stack, or through configuration.";

    /// <summary>LBP401, reported at type end when the literal and the slots it reaches are in the same type (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP401_DontHardCodeResourceNames = new(
        id: DiagnosticIds.DontHardCodeResourceNames,
        title: LBP401Title,
        messageFormat: LBP401Message,
        category: DiagnosticCategories.Configuration,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP401Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontHardCodeResourceNames),
        customTags: Tags.Live);

    /// <summary>LBP401 for a constant declared in one type and used as a resource name only in others, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP401_DontHardCodeResourceNames_CrossType = new(
        id: DiagnosticIds.DontHardCodeResourceNames,
        title: LBP401Title,
        messageFormat: LBP401Message,
        category: DiagnosticCategories.Configuration,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP401Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontHardCodeResourceNames),
        customTags: Tags.CompilationEnd);

    /// <summary>LBP402. Reported at the end of each type: a type that names two or more regions is cross-region by design.</summary>
    public static readonly DiagnosticDescriptor LBP402_DontHardCodeRegion = new(
        id: DiagnosticIds.DontHardCodeRegion,
        title: "Don't hard-code the region in a function",
        messageFormat: "Region '{0}' is hard-coded in {1}; Lambda sets AWS_REGION and the SDK reads it, so leave the region out",
        category: DiagnosticCategories.Configuration,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description:
            "Lambda sets AWS_REGION to the region the function runs in, and an SDK client created without a region reads it. " +
            "A region written into the code breaks a deployment to another region or a copied stack, and silently sends the " +
            "function's calls across regions, adding latency and data-transfer cost. A type that names two or more regions is " +
            "treated as cross-region by design and is not reported.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontHardCodeRegion),
        customTags: Tags.Live);

    private const string LBP102Title = "Fetch configuration and secrets once, not per invocation";
    private const string LBP102Message = "'{0}' fetches {1} on every invocation; fetch it once per execution environment and keep it (a static field set at init, a Lazy<Task<T>>, or a cache with a TTL such as SecretsManagerCache or Powertools Parameters)";
    private const string LBP102Description =
        "A Parameter Store or Secrets Manager read on the invocation path runs on every event: it adds a network round trip " +
        "(tens of milliseconds, more on a cold connection) to every invocation, is billed per API call (Secrets Manager, " +
        "Parameter Store advanced parameters and higher throughput), and counts against the service's request quota, so a " +
        "burst of invocations is throttled. Fetch the value once per execution environment and keep it: in a static field " +
        "set at init, a Lazy<Task<T>>, or a cache that refreshes after a TTL (the Secrets Manager caching client, " +
        "Powertools for AWS Lambda Parameters, the AWS Parameters and Secrets Lambda Extension).";

    /// <summary>LBP102, for fetches reached from a handler of the same type (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP102_FetchConfigurationOnce = new(
        id: DiagnosticIds.FetchConfigurationOnce,
        title: LBP102Title,
        messageFormat: LBP102Message,
        category: DiagnosticCategories.Performance,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP102Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.FetchConfigurationOnce),
        customTags: Tags.Live);

    /// <summary>LBP102 for fetches reached from a handler in another type or file, or returned by a helper, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP102_FetchConfigurationOnce_CrossType = new(
        id: DiagnosticIds.FetchConfigurationOnce,
        title: LBP102Title,
        messageFormat: LBP102Message,
        category: DiagnosticCategories.Performance,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP102Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.FetchConfigurationOnce),
        customTags: Tags.CompilationEnd);

    private const string LBP103Title = "Don't pay for idle time";
    private const string LBP103Message = "'{0}' {1} on the invocation path, and the function is billed while it waits: let a Step Functions Wait state, an SQS delivery delay or an EventBridge schedule do the waiting";
    private const string LBP103Description =
        "Lambda bills a function for its duration, waiting included: a Thread.Sleep or a long Task.Delay on the invocation path, " +
        "or a loop that polls another service's status and waits between tries, is paid for by the millisecond, holds a unit " +
        "of concurrency and counts against the function's timeout. Return, and let the platform wait: a Step Functions Wait " +
        "state (or a workflow that polls for you), an SQS delivery delay or message timer, or an EventBridge Scheduler " +
        "schedule. Short delays (under a second) and small, bounded retry back-offs are not reported.";

    /// <summary>LBP103, for waits reached from a handler of the same type (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP103_DontPayForIdleTime = new(
        id: DiagnosticIds.DontPayForIdleTime,
        title: LBP103Title,
        messageFormat: LBP103Message,
        category: DiagnosticCategories.Performance,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP103Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontPayForIdleTime),
        customTags: Tags.Live);

    /// <summary>LBP103 for waits reached from a handler in another type or file, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP103_DontPayForIdleTime_CrossType = new(
        id: DiagnosticIds.DontPayForIdleTime,
        title: LBP103Title,
        messageFormat: LBP103Message,
        category: DiagnosticCategories.Performance,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP103Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontPayForIdleTime),
        customTags: Tags.CompilationEnd);

    private const string LBP203Title = "Finish background work before the handler returns";
    private const string LBP203Message = "{0} is not awaited before the handler returns; Lambda freezes the execution environment then, so the work stops mid-way, resumes in a later invocation or is lost: await it (collect several tasks and await Task.WhenAll) before returning";
    private const string LBP203Description =
        "When a handler returns, Lambda freezes the execution environment until the next invocation, or shuts it down. Work " +
        "the handler started and did not wait for (a discarded task, Task.Run or ThreadPool work, a thread, an async void " +
        "method or lambda) stops mid-way: it resumes, with stale timeouts and connections, during a later invocation (whose " +
        "logs and errors it then pollutes), or never finishes. Await the work before returning; for several tasks, collect " +
        "them and await Task.WhenAll. Work that must outlive the invocation belongs in another function, a queue or Step Functions.";

    /// <summary>LBP203, for background work reached from a handler of the same type (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP203_FinishBackgroundWork = new(
        id: DiagnosticIds.FinishBackgroundWork,
        title: LBP203Title,
        messageFormat: LBP203Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP203Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.FinishBackgroundWork),
        customTags: Tags.Live);

    /// <summary>LBP203 for background work reached from a handler in another type or file, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP203_FinishBackgroundWork_CrossType = new(
        id: DiagnosticIds.FinishBackgroundWork,
        title: LBP203Title,
        messageFormat: LBP203Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP203Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.FinishBackgroundWork),
        customTags: Tags.CompilationEnd);

    private const string LBP204Title = "Don't invoke another function synchronously and wait";
    private const string LBP204Message = "'{0}' waits for another function (InvocationType RequestResponse{1}); both functions bill while one waits: invoke it asynchronously (InvocationType.Event) with a destination, or orchestrate with Step Functions";
    private const string LBP204Description =
        "A Lambda invoke with InvocationType RequestResponse (the default) keeps the calling function running, and billed, until " +
        "the called function returns: both functions bill for the same wait, each holds a unit of concurrency, and the callee's " +
        "latency, errors and timeouts become the caller's. Invoke asynchronously (InvocationType.Event) with a destination or a " +
        "queue for the result, or orchestrate the functions with Step Functions.";

    /// <summary>LBP204, for invokes reached from a handler of the same type (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP204_DontInvokeSynchronously = new(
        id: DiagnosticIds.DontInvokeSynchronously,
        title: LBP204Title,
        messageFormat: LBP204Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP204Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontInvokeSynchronously),
        customTags: Tags.Live);

    /// <summary>LBP204 for invokes reached from a handler in another type or file, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP204_DontInvokeSynchronously_CrossType = new(
        id: DiagnosticIds.DontInvokeSynchronously,
        title: LBP204Title,
        messageFormat: LBP204Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP204Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontInvokeSynchronously),
        customTags: Tags.CompilationEnd);

    private const string LBP205Title = "Don't keep per-invocation data in static state";
    private const string LBP205Message = "'{0}' is kept in {1}, which outlives the invocation: the next request in this execution environment (or a concurrent one) reads or overwrites another caller's data; keep per-invocation data in locals and parameters, and key caches by request-independent data";
    private const string LBP205Description =
        "Lambda reuses an execution environment for many invocations: static fields, the objects they hold and DI singletons " +
        "outlive the request that wrote them. Request data kept there (the event, a record, a header, the caller's identity, " +
        "the request ID) is read by a later invocation as if it were its own: one caller's token is sent with another's " +
        "request, a user ID is logged against the wrong request, a list grows with every event; with concurrent invocations " +
        "in one environment, requests overwrite each other's. AWS's guidance: don't use the execution environment to store " +
        "user data, events, or other information with security implications. Keep request data in locals and parameters, " +
        "pass it explicitly or through a scoped service or AsyncLocal<T>, and key caches by request-independent data.";

    /// <summary>LBP205, for writes reached from a handler of the same type (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP205_DontKeepRequestDataInStaticState = new(
        id: DiagnosticIds.DontKeepRequestDataInStaticState,
        title: LBP205Title,
        messageFormat: LBP205Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP205Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontKeepRequestDataInStaticState),
        customTags: Tags.Live);

    /// <summary>LBP205 decided with the whole compilation (a handler in another type, a DI singleton registered elsewhere), at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP205_DontKeepRequestDataInStaticState_CrossType = new(
        id: DiagnosticIds.DontKeepRequestDataInStaticState,
        title: LBP205Title,
        messageFormat: LBP205Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP205Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontKeepRequestDataInStaticState),
        customTags: Tags.CompilationEnd);

    private const string LBP206Title = "Don't make unique values at init when SnapStart restores the snapshot";
    private const string LBP206Message = "'{0}' is made once at init by {1} and read on the invocation path; with SnapStart every execution environment restored from the snapshot shares it: make it per invocation, or make it again in SnapshotRestore.RegisterAfterRestore";
    private const string LBP206Description =
        "With Lambda SnapStart, init runs once, when a version is published; every execution environment is then restored " +
        "from the same snapshot of memory. A value made at init to be unique (Guid.NewGuid(), a Random instance or its seed, " +
        "RandomNumberGenerator output, a timestamp) is the same in every environment: IDs collide, random sequences repeat, " +
        "and timestamps are those of the snapshot, hours or days old. Make such values per invocation (Random.Shared, " +
        "RandomNumberGenerator, Guid.NewGuid() in the handler), or make them again in a SnapshotRestore.RegisterAfterRestore hook.";

    /// <summary>LBP206, for stores read from a handler of the same type that registers a SnapStart hook (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP206_DontMakeUniqueValuesAtInit = new(
        id: DiagnosticIds.DontMakeUniqueValuesAtInit,
        title: LBP206Title,
        messageFormat: LBP206Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP206Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontMakeUniqueValuesAtInit),
        customTags: Tags.Live);

    /// <summary>LBP206 decided with the whole compilation (a hook registered in another type, a read in another type), at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP206_DontMakeUniqueValuesAtInit_CrossType = new(
        id: DiagnosticIds.DontMakeUniqueValuesAtInit,
        title: LBP206Title,
        messageFormat: LBP206Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP206Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontMakeUniqueValuesAtInit),
        customTags: Tags.CompilationEnd);

    private const string LBP202Title = "Make writes idempotent under at-least-once delivery";
    private const string LBP202Message = "{0}; make the write idempotent: derive the key from the event, make the write conditional, or mark the handler [Idempotent]";
    private const string LBP202Description =
        "SQS, SNS, S3 notifications, Kinesis, DynamoDB streams, EventBridge and Kafka deliver events at least once: a retried or " +
        "duplicated event runs the handler again. A write whose key is made from a fresh value (Guid.NewGuid(), the clock, a " +
        "random number) creates a second record on every replay, and an update that adds or appends counts twice. Derive keys " +
        "from the event (message id, event id), make the write conditional (ConditionExpression), or record processed events " +
        "in an idempotency table, for example with Powertools for AWS Lambda's [Idempotent].";

    /// <summary>LBP202, for writes reached from a handler of the same type (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP202_MakeWritesIdempotent = new(
        id: DiagnosticIds.MakeWritesIdempotent,
        title: LBP202Title,
        messageFormat: LBP202Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP202Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.MakeWritesIdempotent),
        customTags: Tags.Live);

    /// <summary>LBP202 for writes reached from a handler in another type or file, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP202_MakeWritesIdempotent_CrossType = new(
        id: DiagnosticIds.MakeWritesIdempotent,
        title: LBP202Title,
        messageFormat: LBP202Message,
        category: DiagnosticCategories.Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP202Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.MakeWritesIdempotent),
        customTags: Tags.CompilationEnd);

    private const string LBP303Title = "Don't log secrets";
    private const string LBP303Message = "{0} is written to the log by '{1}'; anyone who can read the function's logs can read it: log its name or a masked form instead";
    private const string LBP303Description =
        "A Lambda function's log (CloudWatch Logs) is read by far more people and tools than its secrets should be: " +
        "developers, support, log subscriptions, exports to other accounts. A secret written to it (a password or API key from a " +
        "secret-named environment variable, a Secrets Manager secret, a decrypted Parameter Store SecureString) leaks to all of " +
        "them, and stays for the log group's retention. Log the secret's name, or a masked form (its last four characters, a " +
        "hash), never its value.";

    /// <summary>LBP303, decided per type at its end (live in the IDE).</summary>
    public static readonly DiagnosticDescriptor LBP303_DontLogSecrets = new(
        id: DiagnosticIds.DontLogSecrets,
        title: LBP303Title,
        messageFormat: LBP303Message,
        category: DiagnosticCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP303Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontLogSecrets),
        customTags: Tags.Live);

    private const string LBP304Title = "Don't overwrite reserved Lambda environment variables";
    private const string LBP304Message = "'{0}' is a reserved Lambda environment variable: {1}; leave it to Lambda and use a variable of your own";
    private const string LBP304Description =
        "Lambda sets a reserved set of environment variables for every function (_HANDLER, _X_AMZN_TRACE_ID, AWS_REGION, " +
        "AWS_DEFAULT_REGION, AWS_EXECUTION_ENV, AWS_LAMBDA_FUNCTION_NAME, AWS_LAMBDA_FUNCTION_MEMORY_SIZE, " +
        "AWS_LAMBDA_FUNCTION_VERSION, AWS_LAMBDA_INITIALIZATION_TYPE, AWS_LAMBDA_LOG_GROUP_NAME, AWS_LAMBDA_LOG_STREAM_NAME, " +
        "AWS_LAMBDA_RUNTIME_API, the credentials AWS_ACCESS_KEY, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and " +
        "AWS_SESSION_TOKEN, LAMBDA_TASK_ROOT, LAMBDA_RUNTIME_DIR). A function's configuration cannot set them: Lambda rejects the request and " +
        "the deployment fails. Code that overwrites one at run time changes what the runtime and the AWS SDK read (the region, " +
        "the credentials, the trace header) for every later invocation of the execution environment.";

    /// <summary>LBP304, reported where the entry is written (or at the type's end for a CDK dictionary built in a local).</summary>
    public static readonly DiagnosticDescriptor LBP304_DontOverwriteReservedVariables = new(
        id: DiagnosticIds.DontOverwriteReservedVariables,
        title: LBP304Title,
        messageFormat: LBP304Message,
        category: DiagnosticCategories.Configuration,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP304Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontOverwriteReservedVariables),
        customTags: Tags.Live);

    /// <summary>LBP304 for a CDK dictionary handed to another method that sets a function's environment, found at compilation end.</summary>
    public static readonly DiagnosticDescriptor LBP304_DontOverwriteReservedVariables_CrossType = new(
        id: DiagnosticIds.DontOverwriteReservedVariables,
        title: LBP304Title,
        messageFormat: LBP304Message,
        category: DiagnosticCategories.Configuration,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: LBP304Description,
        helpLinkUri: HelpLinks.For(DiagnosticIds.DontOverwriteReservedVariables),
        customTags: Tags.CompilationEnd);

    private static class Tags
    {
        public static readonly string[] Live = System.Array.Empty<string>();
        public static readonly string[] CompilationEnd = { WellKnownDiagnosticTags.CompilationEnd };
    }
}
