using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Internals;

internal static class SymbolExtensions
{
    /// <summary>
    /// The symbol that identifies a member in the call graph: the original definition of a generic member,
    /// the static form of a reduced extension method, and the defining declaration of a partial method.
    /// </summary>
    public static ISymbol NormalizeMember(this ISymbol symbol) =>
        symbol is IMethodSymbol method ? method.NormalizeMember() : symbol.OriginalDefinition;

    public static IMethodSymbol NormalizeMember(this IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        method = method.PartialDefinitionPart ?? method;
        return method.OriginalDefinition;
    }

    /// <summary>Compares a namespace with its dotted parts, without allocating a display string.</summary>
    /// <summary>
    /// Whether <paramref name="symbol"/> belongs to <paramref name="assembly"/> (the compilation's own: its source code). By
    /// assembly, which allocates nothing, unlike asking for the symbol's declarations; the public wrappers are usually the
    /// same object, so the reference test answers most calls.
    /// </summary>
    public static bool IsIn(this ISymbol symbol, IAssemblySymbol assembly)
    {
        var own = symbol.ContainingAssembly;
        return ReferenceEquals(own, assembly) || SymbolEqualityComparer.Default.Equals(own, assembly);
    }

    public static bool IsNamespace(this INamespaceSymbol? ns, string[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is null || ns.IsGlobalNamespace;
    }
}
