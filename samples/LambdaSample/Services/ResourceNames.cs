namespace LambdaSample.Services;

/// <summary>
/// Names the services share. Non-compliant: a bucket name fixed in code ties every deployment (each stage, a developer's
/// sandbox stack, a second region) to the same bucket. LBP401 reports the literal here, once, at its declaration,
/// however many calls use it; its fix reads the name from an environment variable instead.
/// </summary>
public static class ResourceNames
{
    public const string AuditArchiveBucket = "acme-audit-archive"; // LBP401
}
