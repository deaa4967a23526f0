using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaBestPractices.Analyzers.CodeFixes.Internals;

/// <summary>A code action offered for one site: its title, and its equivalence key (Fix All fixes the sites offered with the same key).</summary>
internal readonly struct FixOffer
{
    public FixOffer(string title, string equivalenceKey)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }
}

/// <summary>
/// The one skeleton of the package's code fixes. A fix says three things:
/// <list type="number">
/// <item><see cref="Find"/>: the node a diagnostic sits on (null: no fix), read on the code the diagnostic was reported on;</item>
/// <item><see cref="PlanAsync"/>: what to change at that node on the current code (null: nothing is offered, or, during a
/// Fix All, the site is left as it is);</item>
/// <item><see cref="ApplyAsync"/>: the change.</item>
/// </list>
/// The base class does the rest, the same way for every rule: it offers the actions (<see cref="OffersAsync"/>), and it fixes
/// a document's sites in source order, each planned again on the document as the fixes before it left it (so a fix that
/// adds a member sees the members added before it, and no site is fixed twice), then finishes the document once
/// (<see cref="FinishAsync"/>: imports, simplification, formatting). Fix All in a document, project or solution goes through
/// the same path, one document after another (<see cref="SequentialFixAllProvider"/>), so it gives exactly what fixing one
/// site after another gives.
/// </summary>
/// <typeparam name="TNode">The syntax a diagnostic sits on.</typeparam>
/// <typeparam name="TPlan">What the fix changes at one site.</typeparam>
public abstract class SiteCodeFixProvider<TNode, TPlan> : CodeFixProvider
    where TNode : SyntaxNode
    where TPlan : class
{
    public sealed override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(FixDocumentAsync);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixableDiagnosticIds.Contains(diagnostic.Id) || Find(root, diagnostic) is not { } node)
            {
                continue;
            }

            foreach (var offer in await OffersAsync(document, model, node, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                var key = offer.EquivalenceKey;
                context.RegisterCodeFix(CodeAction.Create(offer.Title, ct => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), key, ct), key), diagnostic);
            }
        }
    }

    /// <summary>The key of the fix's action (a fix offering several forms overrides <see cref="OffersAsync"/> and <see cref="Accepts"/>).</summary>
    private protected abstract string ActionKey { get; }

    /// <summary>The node <paramref name="diagnostic"/> sits on in <paramref name="root"/> (the code it was reported on), or null.</summary>
    private protected abstract TNode? Find(SyntaxNode root, Diagnostic diagnostic);

    /// <summary>The change at <paramref name="node"/> on the current code for the action <paramref name="equivalenceKey"/>, or null.</summary>
    private protected abstract Task<TPlan?> PlanAsync(Document document, SemanticModel model, TNode node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken);

    /// <summary>The document with the change made (<paramref name="root"/> and <paramref name="model"/> are the document's).</summary>
    private protected abstract Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, TNode node, TPlan plan, CancellationToken cancellationToken);

    /// <summary>The action's title for a site with <paramref name="plan"/>.</summary>
    private protected abstract string TitleOf(TPlan plan);

    /// <summary>Whether a Fix All with <paramref name="equivalenceKey"/> is this fix's (another key leaves the document as it is).</summary>
    private protected virtual bool Accepts(string equivalenceKey) => equivalenceKey == ActionKey;

    /// <summary>The actions offered for one site: by default one, when the site has a plan.</summary>
    private protected virtual async Task<IEnumerable<FixOffer>> OffersAsync(Document document, SemanticModel model, TNode node, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await PlanAsync(document, model, node, diagnostic, ActionKey, cancellationToken).ConfigureAwait(false) is { } plan
            ? new[] { new FixOffer(TitleOf(plan), ActionKey) }
            : Array.Empty<FixOffer>();

    /// <summary>Runs once per document after its sites are fixed (adding imports, simplifying, formatting); by default nothing.</summary>
    private protected virtual Task<Document> FinishAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(document);

    /// <summary>For fixes that write qualified names: adds the usings, then shortens the names and formats what the fix wrote.</summary>
    private protected static async Task<Document> ImportSimplifyAndFormatAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);

        // The formatter writes the workspace's line ending (the OS's) where it touches a line: give it the document's own.
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        var newLine = root is null ? null : LineEndings.Of(root, SyntaxFactory.ElasticCarriageReturnLineFeed).ToFullString();
        return newLine is null
            ? await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await Formatter.FormatAsync(document, Formatter.Annotation, options.WithChangedOption(FormattingOptions.NewLine, LanguageNames.CSharp, newLine), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fixes the sites of <paramref name="diagnostics"/> in <paramref name="document"/> with the action
    /// <paramref name="equivalenceKey"/>. A null key (a bulk tool that picked no action: <c>dotnet format analyzers</c> asks
    /// the fix for an action on the first diagnostic it holds, which, with one analyzer reporting every rule, can be another
    /// rule's) fixes each site with the first action the lightbulb offers for it.
    /// </summary>
    private async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || (equivalenceKey is not null && !Accepts(equivalenceKey)))
        {
            return document;
        }

        // Every site found on the code the diagnostics were reported on, once, in source order, and marked so that it is found
        // again after the fixes before it changed the document.
        var targets = new List<(TNode Node, Diagnostic Diagnostic, SyntaxAnnotation Annotation)>();
        var annotations = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Find(root, diagnostic) is { } node && !annotations.ContainsKey(node))
            {
                var annotation = new SyntaxAnnotation();
                annotations.Add(node, annotation);
                targets.Add((node, diagnostic, annotation));
            }
        }

        if (targets.Count == 0)
        {
            return document;
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(
            annotations.Keys,
            (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original])));

        foreach (var (_, diagnostic, annotation) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var currentRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (currentRoot is null || model is null
                || currentRoot.GetAnnotatedNodes(annotation).OfType<TNode>().FirstOrDefault() is not { } node
                || (equivalenceKey ?? await FirstOfferAsync(document, model, node, diagnostic, cancellationToken).ConfigureAwait(false)) is not { } key
                || await PlanAsync(document, model, node, diagnostic, key, cancellationToken).ConfigureAwait(false) is not { } plan)
            {
                continue;
            }

            document = await ApplyAsync(document, currentRoot, model, node, plan, cancellationToken).ConfigureAwait(false);
        }

        return await FinishAsync(document, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> FirstOfferAsync(Document document, SemanticModel model, TNode node, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        (await OffersAsync(document, model, node, diagnostic, cancellationToken).ConfigureAwait(false)).Select(o => o.EquivalenceKey).FirstOrDefault();
}
