using Microsoft.CodeAnalysis.Testing;

namespace LambdaBestPractices.Analyzers.Tests.Verifiers;

/// <summary>
/// What the verifiers hand Microsoft.CodeAnalysis.Testing. Its <see cref="ReferenceAssemblies"/> would download packages into
/// a temp folder while tests run (and, on a cold cache, hand concurrent tests half-extracted packages); ours name no package,
/// so it resolves nothing and downloads nothing. The references come from <see cref="ReferenceSets"/> (restored by
/// `dotnet restore`, checked once) and <see cref="ApiSurface"/>, added by each verifier's <c>RunImplAsync</c>.
/// </summary>
internal static class TestReferences
{
    /// <summary>A .NET 8 set with no package and no assembly: every reference is added from <see cref="ReferenceSets"/>.</summary>
    public static ReferenceAssemblies NothingToResolve { get; } = new("net8.0");
}
