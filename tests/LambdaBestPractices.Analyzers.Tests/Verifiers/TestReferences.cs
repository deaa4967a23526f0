using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaBestPractices.Analyzers.Tests.Verifiers;

/// <summary>
/// The one reference set every test compiles against: .NET 8 reference assemblies plus the AWS SDK packages the registry
/// serves, referenced for real. The Amazon.Lambda packages and unserved SDK packages come from <see cref="ApiSurface"/>.
/// </summary>
internal static class TestReferences
{
    public static ReferenceAssemblies Net80WithAws { get; } = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("AWSSDK.Core", "4.1.0"),
        new PackageIdentity("AWSSDK.S3", "4.1.0"),
        new PackageIdentity("AWSSDK.DynamoDBv2", "4.1.0"),
        new PackageIdentity("AWSSDK.SQS", "4.0.100.25"),
        new PackageIdentity("AWSSDK.SimpleSystemsManagement", "4.0.105"),
        new PackageIdentity("AWSSDK.KeyManagementService", "4.1.0"),
        new PackageIdentity("Microsoft.Extensions.DependencyInjection", "8.0.1"),
        new PackageIdentity("Microsoft.Extensions.Http", "8.0.1")));

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> Net80WithAwsResolved =
        new(() => Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// <see cref="Net80WithAws"/> resolved once for the test run. On a cold package cache, concurrent
    /// <see cref="ReferenceAssemblies.ResolveAsync"/> calls can see each other's half-extracted packages and return a partial
    /// set (seen as a stub that "does not compile" on a fresh machine), so every direct compilation goes through this.
    /// </summary>
    public static Task<ImmutableArray<MetadataReference>> ResolveNet80WithAwsAsync() => Net80WithAwsResolved.Value;

    /// <summary>.NET 8 alone: a compilation with no AWS reference at all.</summary>
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;
}
