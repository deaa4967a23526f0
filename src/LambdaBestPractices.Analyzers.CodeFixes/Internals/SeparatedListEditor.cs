using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LambdaBestPractices.Analyzers.CodeFixes.Internals;

/// <summary>
/// Removes elements from a comma-separated list (arguments, object initializer members) the way a developer would: each
/// kept element keeps the comma that followed it, except the last one, which keeps it only when the list ended with a
/// comma; the first kept element takes the first element's leading trivia. Layout of the kept elements is unchanged.
/// Comments and directives of the removed elements and commas are kept: they move in front of the next kept element, or
/// are handed back (<c>trailing</c>) for the token that closes the list.
/// </summary>
internal static class SeparatedListEditor
{
    public static SeparatedSyntaxList<T> Remove<T>(SeparatedSyntaxList<T> list, ICollection<int> removed, out SyntaxTriviaList trailing)
        where T : SyntaxNode
    {
        var hasTrailingSeparator = list.Count > 0 && list.SeparatorCount == list.Count;
        var keptIndices = Enumerable.Range(0, list.Count).Where(i => !removed.Contains(i)).ToList();
        var lastKept = keptIndices.Count > 0 ? keptIndices[keptIndices.Count - 1] : -1;

        bool KeepsSeparator(int i) => !removed.Contains(i) && i < list.SeparatorCount && (i != lastKept || hasTrailingSeparator);

        var kept = new List<T>();
        var separators = new List<SyntaxToken>();
        var pending = new List<SyntaxTrivia>();
        for (var i = 0; i < list.Count; i++)
        {
            if (removed.Contains(i))
            {
                pending.AddRange(TriviaOfRemoved(list, i, KeepsSeparator, leadingMovesToFirstKept: i == 0 && keptIndices.Count > 0));
                continue;
            }

            var element = list[i];
            if (kept.Count == 0 && i > 0)
            {
                element = element.WithLeadingTrivia(list[0].GetLeadingTrivia());
            }

            if (Comments(pending) is { Count: > 0 } comments)
            {
                element = element.WithLeadingTrivia(BeforeElement(comments, element.GetLeadingTrivia()));
            }

            pending.Clear();
            kept.Add(element);
            if (KeepsSeparator(i))
            {
                separators.Add(list.GetSeparator(i));
            }
        }

        // `{ A,⏎ R⏎ }` → `{ A⏎ }`: the closing token stays on its own line when it was on one.
        var trailingComments = Comments(pending);
        if (kept.Count > 0 && !hasTrailingSeparator && lastKept < list.Count - 1
            && list[list.Count - 1].GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
            && list.GetSeparator(lastKept).TrailingTrivia is var lineEnd && lineEnd.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            var last = kept[kept.Count - 1];
            kept[kept.Count - 1] = last.WithTrailingTrivia(last.GetTrailingTrivia().AddRange(lineEnd));
            while (trailingComments.Count > 0 && !MustKeep(trailingComments[0]))
            {
                var first = trailingComments[0];
                trailingComments.RemoveAt(0);
                if (first.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    break;
                }
            }
        }

        trailing = TriviaList(trailingComments);
        return SeparatedList(kept, separators);
    }

    /// <summary>True when <paramref name="trivia"/> is a comment or a preprocessor directive: what a fix must not delete.</summary>
    public static bool MustKeep(SyntaxTrivia trivia) =>
        trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
        || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)
        || trivia.IsDirective;

    /// <summary>The trivia of removed element <paramref name="i"/> and of the commas removed with it, in text order.</summary>
    private static List<SyntaxTrivia> TriviaOfRemoved<T>(SeparatedSyntaxList<T> list, int i, System.Func<int, bool> keepsSeparator, bool leadingMovesToFirstKept)
        where T : SyntaxNode
    {
        var trivia = new List<SyntaxTrivia>();
        if (i > 0 && !keepsSeparator(i - 1) && i - 1 < list.SeparatorCount)
        {
            var before = list.GetSeparator(i - 1);
            trivia.AddRange(before.LeadingTrivia);
            trivia.AddRange(before.TrailingTrivia);
        }

        var element = list[i];
        var leading = element.GetLeadingTrivia();
        trivia.AddRange(element.DescendantTrivia(descendIntoTrivia: false).Skip(leadingMovesToFirstKept ? leading.Count : 0));

        if (i < list.SeparatorCount)
        {
            var after = list.GetSeparator(i);
            trivia.AddRange(after.LeadingTrivia);
            trivia.AddRange(after.TrailingTrivia);
        }

        return trivia;
    }

    /// <summary>
    /// <paramref name="trivia"/> when it holds a comment or directive, tidied (no trailing whitespace, no blank line, no
    /// whitespace at the end: the next token keeps its own indentation); empty otherwise.
    /// </summary>
    public static List<SyntaxTrivia> Comments(IReadOnlyList<SyntaxTrivia> trivia)
    {
        var result = new List<SyntaxTrivia>();
        if (!trivia.Any(MustKeep))
        {
            return result;
        }

        for (var i = 0; i < trivia.Count; i++)
        {
            var current = trivia[i];
            if (current.IsKind(SyntaxKind.WhitespaceTrivia) && OnlyWhitespaceToLineEnd(trivia, i + 1))
            {
                continue;
            }

            if (current.IsKind(SyntaxKind.EndOfLineTrivia) && result.Count > 0 && result[result.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                continue;
            }

            result.Add(current);
        }

        return result;
    }

    /// <summary>
    /// Comments moved in front of a kept element: on lines of their own at the element's indentation when they end a line,
    /// else followed by a space on the element's line.
    /// </summary>
    private static IEnumerable<SyntaxTrivia> BeforeElement(List<SyntaxTrivia> comments, SyntaxTriviaList elementLeading)
    {
        var start = 0;
        while (start < comments.Count && comments[start].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start++;
        }

        var body = comments.Skip(start).ToList();
        if (body.Count == 0)
        {
            return elementLeading;
        }

        if (!body[body.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
        {
            return body.Append(Space).Concat(elementLeading);
        }

        var indentation = elementLeading.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) ? elementLeading : default;
        return indentation.Concat(body).Concat(elementLeading);
    }

    /// <summary>Whether <paramref name="trivia"/> from <paramref name="start"/> holds only whitespace up to a line end or its end.</summary>
    private static bool OnlyWhitespaceToLineEnd(IReadOnlyList<SyntaxTrivia> trivia, int start)
    {
        for (var i = start; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }

            if (!trivia[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return false;
            }
        }

        return true;
    }
}
