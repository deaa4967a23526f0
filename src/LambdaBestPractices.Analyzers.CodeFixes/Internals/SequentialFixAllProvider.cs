using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LambdaBestPractices.Analyzers.CodeFixes.Internals;

/// <summary>
/// Fix All that fixes one document after another on the updated solution, instead of all documents in parallel on the
/// original one. A fix that adds members then sees what the fixes before it added, even in another file of the same
/// partial type, so Fix All in a project or solution never adds two members with the same name.
/// </summary>
internal sealed class SequentialFixAllProvider : FixAllProvider
{
    private readonly Func<Document, ImmutableArray<Diagnostic>, string?, CancellationToken, Task<Document>> _fixDocumentAsync;

    /// <summary><paramref name="fixDocumentAsync"/> fixes the sites of one document's diagnostics (<see cref="SiteCodeFixProvider{TNode, TPlan}"/>).</summary>
    public SequentialFixAllProvider(Func<Document, ImmutableArray<Diagnostic>, string?, CancellationToken, Task<Document>> fixDocumentAsync) =>
        _fixDocumentAsync = fixDocumentAsync;

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var title = fixAllContext.CodeActionEquivalenceKey ?? "Fix all";
        return Task.FromResult<CodeAction?>(CodeAction.Create(title, ct => FixAllAsync(fixAllContext, ct), fixAllContext.CodeActionEquivalenceKey));
    }

    private async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is not null => new[] { context.Document },
            FixAllScope.Project => context.Project.Documents.ToArray(),
            FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
            _ => Array.Empty<Document>(),
        };

        var solution = context.Solution;
        foreach (var original in documents.OrderBy(d => d.FilePath ?? d.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diagnostics = await context.GetDocumentDiagnosticsAsync(original).ConfigureAwait(false);
            if (diagnostics.IsEmpty || solution.GetDocument(original.Id) is not { } current)
            {
                continue;
            }

            // Each document is edited once, by its own fix, so the spans of its diagnostics are still valid here.
            var fixedDocument = await _fixDocumentAsync(current, diagnostics, context.CodeActionEquivalenceKey, cancellationToken).ConfigureAwait(false);
            solution = fixedDocument.Project.Solution;
        }

        return solution;
    }
}
