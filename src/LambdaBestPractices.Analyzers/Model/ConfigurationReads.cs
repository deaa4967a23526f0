using System.Linq;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The SDK calls that read configuration and secrets from a store: Parameter Store <c>GetParameter</c>,
/// <c>GetParameters</c>, <c>GetParametersByPath</c> and Secrets Manager <c>GetSecretValue</c>. Shared by LBP102 (read on
/// every invocation) and LBP303 (a secret read, written to a log).
/// </summary>
internal static class ConfigurationReads
{
    private static readonly string[] SsmNamespace = { "Amazon", "SimpleSystemsManagement" };
    private static readonly string[] SecretsManagerNamespace = { "Amazon", "SecretsManager" };

    /// <summary>What <paramref name="method"/> fetches ("a Parameter Store parameter", "a secret"), or null when it is no read of a store.</summary>
    public static string? WhatIsFetched(IMethodSymbol method)
    {
        var (fetched, service) = method.Name switch
        {
            "GetParameter" or "GetParameterAsync" => ("a Parameter Store parameter", SsmNamespace),
            "GetParameters" or "GetParametersAsync" or "GetParametersByPath" or "GetParametersByPathAsync" => ("Parameter Store parameters", SsmNamespace),
            "GetSecretValue" or "GetSecretValueAsync" => ("a secret", SecretsManagerNamespace),
            _ => ((string?)null, SsmNamespace),
        };
        return fetched is not null && !method.IsStatic && ResourceSlots.IsSdkMember(method)
            && method.ContainingType?.ContainingNamespace is { } ns && ns.IsNamespace(service)
            ? fetched
            : null;
    }

    /// <summary>
    /// Whether <paramref name="read"/> returns secret material: a Secrets Manager <c>GetSecretValue</c>, or a Parameter
    /// Store read with <c>WithDecryption = true</c> (a SecureString, decrypted) in its request's initializer or on its local.
    /// </summary>
    public static bool ReadsSecretMaterial(IInvocationOperation read)
    {
        var fetched = WhatIsFetched(read.TargetMethod);
        if (fetched is null)
        {
            return false;
        }

        if (fetched == "a secret")
        {
            return true;
        }

        return RequestWrites(read).Any(write => write.AssignsProperty("WithDecryption") && write.Value?.WalkDownConversion().ConstantValue is { HasValue: true, Value: true });
    }

    /// <summary>
    /// A secret read by version (<c>VersionStage = "AWSPENDING"</c>, <c>VersionId</c>), as a rotation step does on every run.
    /// </summary>
    public static bool ReadsAVersion(IInvocationOperation read) => RequestWrites(read).Any(write => write.AssignsPropertyIn(VersionProperties));

    private static readonly string[] VersionProperties = { "VersionStage", "VersionId" };

    /// <summary>What the read's request is given: its initializer, or the initializer and later assignments of its local.</summary>
    private static System.Collections.Generic.IEnumerable<MemberWrite> RequestWrites(IInvocationOperation read)
    {
        if (read.Arguments.Length == 0)
        {
            return Enumerable.Empty<MemberWrite>();
        }

        return read.Arguments[0].Value.WalkDownConversion() switch
        {
            IObjectCreationOperation creation => ObjectMembers.InInitializer(creation),
            ILocalReferenceOperation local => ObjectMembers.OnLocal(local, local.Local)
                .Concat(BodyFacts.SingleValueOf(local)?.WalkDownConversion() is IObjectCreationOperation created ? ObjectMembers.InInitializer(created) : Enumerable.Empty<MemberWrite>()),
            _ => Enumerable.Empty<MemberWrite>(),
        };
    }
}
