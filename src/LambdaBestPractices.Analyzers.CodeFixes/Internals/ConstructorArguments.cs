using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.CodeFixes.Internals;

/// <summary>Removing arguments from a constructor call (LBP302 credentials, LBP402 region) without changing what it binds to otherwise.</summary>
internal static class ConstructorArguments
{
    /// <summary>
    /// <paramref name="list"/> without the arguments at <paramref name="removed"/>, when every argument is positional and
    /// the created type has a public constructor whose parameters are exactly the remaining ones; null otherwise.
    /// </summary>
    public static ArgumentListSyntax? TryRemove(ArgumentListSyntax list, IObjectCreationOperation creation, ICollection<int> removed)
    {
        if (creation.Constructor is not { } constructor || creation.Type is not INamedTypeSymbol type
            || list.Arguments.Any(a => a.NameColon is not null) || list.Arguments.Count > constructor.Parameters.Length
            || removed.Count == 0 || removed.Any(i => i < 0 || i >= list.Arguments.Count))
        {
            return null;
        }

        var remaining = new List<ITypeSymbol>();
        for (var i = 0; i < list.Arguments.Count; i++)
        {
            if (!removed.Contains(i))
            {
                remaining.Add(constructor.Parameters[i].Type);
            }
        }

        var exists = type.InstanceConstructors.Any(c =>
            c.DeclaredAccessibility == Accessibility.Public
            && c.Parameters.Length == remaining.Count
            && c.Parameters.Select(p => p.Type).SequenceEqual(remaining, SymbolEqualityComparer.Default));
        if (!exists)
        {
            return null;
        }

        var arguments = SeparatedListEditor.Remove(list.Arguments, removed, out var trailing);
        var close = list.CloseParenToken;
        return list.WithArguments(arguments).WithCloseParenToken(trailing.Count == 0 ? close : close.WithLeadingTrivia(trailing.AddRange(close.LeadingTrivia)));
    }
}
