namespace LambdaBestPractices.Analyzers;

/// <summary>The public rule identifiers. IDs are public API: once shipped they never change meaning.</summary>
public static class DiagnosticIds
{
    /// <summary>LBP101: Create SDK clients once per execution environment.</summary>
    public const string CreateSdkClientsOnce = "LBP101";

    /// <summary>LBP102: Fetch configuration and secrets once, not per invocation.</summary>
    public const string FetchConfigurationOnce = "LBP102";

    /// <summary>LBP103: Don't pay for idle time.</summary>
    public const string DontPayForIdleTime = "LBP103";

    /// <summary>LBP201: Avoid recursive invocation loops.</summary>
    public const string AvoidRecursiveInvocationLoops = "LBP201";

    /// <summary>LBP301: Keep secrets out of plain environment variables.</summary>
    public const string KeepSecretsOutOfEnvironmentVariables = "LBP301";

    /// <summary>LBP302: Don't hard-code AWS credentials.</summary>
    public const string DontHardCodeAwsCredentials = "LBP302";

    /// <summary>LBP303: Don't log secrets.</summary>
    public const string DontLogSecrets = "LBP303";

    /// <summary>LBP304: Don't overwrite reserved Lambda environment variables.</summary>
    public const string DontOverwriteReservedVariables = "LBP304";

    /// <summary>LBP401: Don't hard-code resource names.</summary>
    public const string DontHardCodeResourceNames = "LBP401";

    /// <summary>LBP402: Don't hard-code the region in a function.</summary>
    public const string DontHardCodeRegion = "LBP402";

    /// <summary>LBP203: Finish background work before the handler returns.</summary>
    public const string FinishBackgroundWork = "LBP203";

    /// <summary>LBP205: Don't keep per-invocation data in static state.</summary>
    public const string DontKeepRequestDataInStaticState = "LBP205";

    /// <summary>LBP206: Don't make unique values at init when SnapStart restores the snapshot.</summary>
    public const string DontMakeUniqueValuesAtInit = "LBP206";

    /// <summary>LBP204: Don't invoke another function synchronously and wait.</summary>
    public const string DontInvokeSynchronously = "LBP204";

    /// <summary>LBP202: Make writes idempotent under at-least-once delivery.</summary>
    public const string MakeWritesIdempotent = "LBP202";
}
