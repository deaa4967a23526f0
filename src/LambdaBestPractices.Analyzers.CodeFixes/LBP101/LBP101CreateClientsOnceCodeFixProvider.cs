using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP101: moves a client created on the invocation path into a static readonly field (or, when its arguments use
/// instance state, into a readonly field initialized in the constructor). No fix when the arguments use locals or parameters.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP101CreateClientsOnceCodeFixProvider))]
[Shared]
public sealed class LBP101CreateClientsOnceCodeFixProvider : SiteCodeFixProvider<BaseObjectCreationExpressionSyntax, ClientFieldPlan>
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
    private const string PerKeyStaticTitle = "Create one client per key, cached in a static ConcurrentDictionary";
    private const string PerKeyInstanceTitle = "Create one client per key, cached in a ConcurrentDictionary field";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CreateSdkClientsOnce);

    private protected override string ActionKey => EquivalenceKey;

    private protected override string TitleOf(ClientFieldPlan plan) => plan.Kind switch
    {
        ClientFieldKind.Static => MoveToStaticFieldTitle,
        ClientFieldKind.Constructor => InitializeInConstructorTitle,
        ClientFieldKind.PerKeyStatic => PerKeyStaticTitle,
        ClientFieldKind.PerKeyInstance => PerKeyInstanceTitle,
        _ => MoveBeforeHandlerTitle,
    };

    private protected override BaseObjectCreationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) => FindCreation(root, diagnostic.Location.SourceSpan);

    /// <summary>Planned on the current document, so that every new field sees the fields added before it: names stay unique and no field is added twice.</summary>
    private protected override async Task<ClientFieldPlan?> PlanAsync(Document document, SemanticModel model, BaseObjectCreationExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken) =>
        ClientFieldPlanner.Plan(model, node, cancellationToken) is { } plan
        && (plan.Kind is not (ClientFieldKind.PerKeyStatic or ClientFieldKind.PerKeyInstance)
            || await FactoryResults.AreKeptAsync(document, model, node, cancellationToken).ConfigureAwait(false))
            ? plan
            : null;

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, BaseObjectCreationExpressionSyntax node, ClientFieldPlan plan, CancellationToken cancellationToken) =>
        Task.FromResult(document.WithSyntaxRoot(ClientFieldRewriter.Apply(root, plan)));

    /// <summary>
    /// The creation the diagnostic sits on, or null: a diagnostic on anything else (a DynamoDBContextBuilder's <c>Build()</c>
    /// call) has no fix, and must not be mistaken for a creation that merely contains it.
    /// </summary>
    private static BaseObjectCreationExpressionSyntax? FindCreation(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation && creation.Span == span
            ? creation
            : null;
}
