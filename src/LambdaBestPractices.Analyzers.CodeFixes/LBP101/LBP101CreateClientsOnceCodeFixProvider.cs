using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP101: moves a client created on the invocation path into a static readonly field (or, when its arguments use
/// instance state, into a readonly field initialized in the constructor). No fix when the arguments use locals or parameters.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP101CreateClientsOnceCodeFixProvider))]
[Shared]
public sealed class LBP101CreateClientsOnceCodeFixProvider : CodeFixProvider
{
    /// <summary>
    /// One equivalence key for the three forms of the fix. Each site gets exactly one form (the planner picks it), so Fix All,
    /// and <c>dotnet format analyzers</c>, which applies Fix All with the key of the first fix it sees, fix every site, each
    /// with its own form: static field, constructor or before the handler.
    /// </summary>
    public const string EquivalenceKey = "LBP101_CreateClientOnce";

    private const string MoveToStaticFieldTitle = "Create the client once, in a static readonly field";
    private const string InitializeInConstructorTitle = "Create the client once, in the constructor";
    private const string MoveBeforeHandlerTitle = "Create the client once, before the handler";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CreateSdkClientsOnce);

    public override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(FixAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindCreation(root, diagnostic) is not { } creation)
            {
                continue;
            }

            var plan = ClientFieldPlanner.Plan(model, creation, context.CancellationToken);
            if (plan is null)
            {
                continue;
            }

            var title = plan.Kind switch
            {
                ClientFieldKind.Static => MoveToStaticFieldTitle,
                ClientFieldKind.Constructor => InitializeInConstructorTitle,
                _ => MoveBeforeHandlerTitle,
            };
            var document = context.Document;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(document, ImmutableArray.Create(span), EquivalenceKey, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// Applies the fix to each creation in turn, on the updated document, so that every new field sees the fields
    /// added before it: names stay unique and no field is added twice.
    /// </summary>
    private static async Task<Document> FixAsync(Document document, ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan> spans, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var annotations = spans.Select(_ => new SyntaxAnnotation()).ToArray();
        var targets = spans
            .Select((span, i) => (Node: FindCreation(root, span), Annotation: annotations[i]))
            .Where(t => t.Node is not null)
            .ToArray();
        root = root.ReplaceNodes(
            targets.Select(t => t.Node!),
            (original, rewritten) => rewritten.WithAdditionalAnnotations(targets.First(t => t.Node == original).Annotation));
        document = document.WithSyntaxRoot(root);

        foreach (var (_, annotation) in targets)
        {
            root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || root.GetAnnotatedNodes(annotation).OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault() is not { } creation)
            {
                continue;
            }

            var plan = ClientFieldPlanner.Plan(model, creation, cancellationToken);
            if (plan is null || (equivalenceKey is not null && equivalenceKey != EquivalenceKey))
            {
                continue;
            }

            document = document.WithSyntaxRoot(ClientFieldRewriter.Apply(root, plan));
        }

        return document;
    }


    private static BaseObjectCreationExpressionSyntax? FindCreation(SyntaxNode root, Diagnostic diagnostic) =>
        FindCreation(root, diagnostic.Location.SourceSpan);

    /// <summary>
    /// The creation the diagnostic sits on, or null: a diagnostic on anything else (a DynamoDBContextBuilder's <c>Build()</c>
    /// call) has no fix, and must not be mistaken for a creation that merely contains it.
    /// </summary>
    private static BaseObjectCreationExpressionSyntax? FindCreation(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation && creation.Span == span
            ? creation
            : null;
}
