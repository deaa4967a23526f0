using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LambdaBestPractices.Analyzers.CodeFixes.Internals;

/// <summary>The line ending a document already uses, so that the lines a fix inserts match it.</summary>
internal static class LineEndings
{
    /// <summary>The document's first end of line, or <paramref name="fallback"/> (CRLF when not given) for a one-line document.</summary>
    public static SyntaxTrivia Of(SyntaxNode root, SyntaxTrivia? fallback = null)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return fallback ?? SyntaxFactory.CarriageReturnLineFeed;
    }
}
