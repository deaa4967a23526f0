using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP202: "Derive the key from the message id": the fresh value of a key (<c>Guid.NewGuid().ToString()</c>,
/// <c>$"order#{Guid.NewGuid()}"</c>) becomes the id of the event record in scope: <c>record.MessageId</c> (SQS),
/// <c>record.Sns.MessageId</c> (SNS), <c>record.EventID</c> (DynamoDB streams), <c>record.EventId</c> (Kinesis).
/// Offered only when exactly one such record variable is in scope, declared before the fresh value, and the fresh value
/// is used as a string: a string expression (<c>Guid.NewGuid().ToString(...)</c> is replaced as a whole), an interpolation
/// hole or a string concatenation operand. A <c>Guid</c> or <c>DateTime</c> kept in a typed variable gets no fix (the
/// replacement would not compile), and neither do increments.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP202DeriveKeyFromMessageIdCodeFixProvider))]
[Shared]
public sealed class LBP202DeriveKeyFromMessageIdCodeFixProvider : SiteCodeFixProvider<ExpressionSyntax, SyntaxNode>
{
    public const string DeriveKeyFromMessageIdKey = "LBP202_DeriveKeyFromMessageId";

    private const string DeriveKeyFromMessageIdTitle = "Derive the key from the message id";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MakeWritesIdempotent);

    private protected override string ActionKey => DeriveKeyFromMessageIdKey;

    private protected override string TitleOf(SyntaxNode plan) => DeriveKeyFromMessageIdTitle;

    /// <summary>
    /// The fresh value of a fresh-key diagnostic: its first additional location, in the same file. Not when a caller passes
    /// the fresh value into the write's method: the value is in another member, and the write's key is a parameter.
    /// </summary>
    private protected override ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(LBP202MakeWritesIdempotentRule.KindProperty, out var kind) && kind == LBP202MakeWritesIdempotentRule.FreshKeyKind
        && !diagnostic.Properties.ContainsKey(LBP202MakeWritesIdempotentRule.PassedByCallerProperty)
        && diagnostic.AdditionalLocations.Count > 0
        && diagnostic.AdditionalLocations[0] is { SourceTree: { } tree } freshLocation
        && tree == root.SyntaxTree
        && freshLocation.SourceSpan.End <= root.FullSpan.End
        && root.FindNode(freshLocation.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax fresh
            ? fresh
            : null;

    /// <summary>The plan is the new root, the string made from the fresh value replaced with the record's id.</summary>
    private protected override Task<SyntaxNode?> PlanAsync(Document document, SemanticModel model, ExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken) =>
        Task.FromResult(Plan(model, node, cancellationToken) is { } plan
            ? model.SyntaxTree.GetRoot(cancellationToken).ReplaceNode(plan.Target, plan.Replacement.WithTriviaFrom(plan.Target))
            : null);

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, ExpressionSyntax node, SyntaxNode plan, CancellationToken cancellationToken) =>
        Task.FromResult(document.WithSyntaxRoot(plan));

    private static (SyntaxNode Target, SyntaxNode Replacement)? Plan(SemanticModel model, ExpressionSyntax fresh, CancellationToken cancellationToken)
    {
        var target = fresh;

        // `Guid.NewGuid().ToString("N")`, `(Guid.NewGuid()).ToString()`: the string made from the fresh value is what gets replaced.
        while (true)
        {
            if (target.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                target = parenthesized;
            }
            else if (target.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } access && access.Expression == target
                && access.Parent is InvocationExpressionSyntax toString)
            {
                target = toString;
            }
            else
            {
                break;
            }
        }

        var usedAsString = model.GetTypeInfo(target, cancellationToken).Type?.SpecialType == SpecialType.System_String
            || target.Parent is InterpolationSyntax
            || (target.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation
                && model.GetTypeInfo(concatenation, cancellationToken).Type?.SpecialType == SpecialType.System_String);
        if (!usedAsString || RecordIdInScope(model, target, cancellationToken) is not { } id)
        {
            return null;
        }

        // `$"order-{Guid.NewGuid():N}"`: a Guid's format means nothing to the string id, so the hole loses it.
        if (target.Parent is InterpolationSyntax { FormatClause: not null } hole)
        {
            return (hole, hole.WithExpression(SyntaxFactory.ParseExpression(id)).WithFormatClause(null));
        }

        return (target, SyntaxFactory.ParseExpression(id));
    }

    /// <summary>The id of the one event record variable in scope at <paramref name="target"/> (<c>record.MessageId</c>), or null.</summary>
    private static string? RecordIdInScope(SemanticModel model, ExpressionSyntax target, CancellationToken cancellationToken)
    {
        var symbols = LambdaSymbols.For(model.Compilation);
        string? found = null;
        foreach (var symbol in model.LookupSymbols(target.SpanStart))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (type, declaredAt) = symbol switch
            {
                ILocalSymbol local => (local.Type, local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? int.MaxValue),
                IParameterSymbol parameter => (parameter.Type, 0),
                _ => (null, int.MaxValue),
            };

            if (type is null || declaredAt >= target.SpanStart || IdPath(symbols, type) is not { } path)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = symbol.Name + path;
        }

        return found;
    }

    /// <summary>The id path of a record type nested in an event type of the symbol table (<c>SQSEvent.SQSMessage</c> → <c>.MessageId</c>).</summary>
    private static string? IdPath(LambdaSymbols symbols, ITypeSymbol type) =>
        type is INamedTypeSymbol { ContainingType: { } eventType }
            ? (symbols.EventSourceOfType(eventType), type.Name) switch
            {
                (EventSources.Sqs, "SQSMessage") => ".MessageId",
                (EventSources.Sns, "SNSRecord") => ".Sns.MessageId",
                (EventSources.DynamoDBStream, "DynamodbStreamRecord") => ".EventID",
                (EventSources.Kinesis, "KinesisEventRecord") => ".EventId",
                _ => null,
            }
            : null;
}
