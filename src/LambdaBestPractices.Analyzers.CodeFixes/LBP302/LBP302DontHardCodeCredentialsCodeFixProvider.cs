using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP302: removes hard-coded credentials from an SDK client's constructor, so the client uses the default credential chain
/// (in Lambda: the execution role). Offered when the credentials are an argument of the client's constructor (a
/// <c>new BasicAWSCredentials(...)</c> argument, or the access-key arguments) and the client has a constructor taking the
/// remaining arguments. No fix for credentials kept elsewhere, nor for a bare key-shaped literal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP302DontHardCodeCredentialsCodeFixProvider))]
[Shared]
public sealed class LBP302DontHardCodeCredentialsCodeFixProvider : SiteCodeFixProvider<BaseObjectCreationExpressionSyntax, SyntaxNode>
{
    public const string RemoveCredentialsKey = "LBP302_RemoveCredentials";

    private const string RemoveCredentialsTitle = "Remove the hard-coded credentials (use the execution role)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DontHardCodeAwsCredentials);

    private protected override string ActionKey => RemoveCredentialsKey;

    private protected override string TitleOf(SyntaxNode plan) => RemoveCredentialsTitle;

    private protected override BaseObjectCreationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        return span.End <= root.FullSpan.End
            && root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation
            && creation.Span == span
                ? creation
                : null;
    }

    /// <summary>The plan is the new root: the constructor's argument list without the credentials.</summary>
    private protected override Task<SyntaxNode?> PlanAsync(Document document, SemanticModel model, BaseObjectCreationExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken) =>
        Task.FromResult(Plan(model, node, cancellationToken) is { } plan ? model.SyntaxTree.GetRoot(cancellationToken).ReplaceNode(plan.List, plan.NewList) : null);

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, BaseObjectCreationExpressionSyntax node, SyntaxNode plan, CancellationToken cancellationToken) =>
        Task.FromResult(document.WithSyntaxRoot(plan));

    private sealed class RemovalPlan
    {
        public RemovalPlan(ArgumentListSyntax list, ArgumentListSyntax newList)
        {
            List = list;
            NewList = newList;
        }

        public ArgumentListSyntax List { get; }

        public ArgumentListSyntax NewList { get; }
    }

    private static RemovalPlan? Plan(SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        if (model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation operation)
        {
            return null;
        }

        var symbols = LambdaSymbols.For(model.Compilation);

        // new AmazonS3Client(new BasicAWSCredentials("...", "..."), region): drop that argument of the client.
        if (LambdaSymbols.Contains(symbols.Credentials, operation.Type))
        {
            if (creation.Parent is ArgumentSyntax { NameColon: null } argument
                && argument.Parent is ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax client } list
                && model.GetOperation(client, cancellationToken) is IObjectCreationOperation clientOperation
                && symbols.IsSdkClient(clientOperation.Type))
            {
                return PlanRemoval(list, clientOperation, new HashSet<int> { list.Arguments.IndexOf(argument) });
            }

            return null;
        }

        // new AmazonS3Client("AKIA...", "secret", [token,] region): drop the key arguments.
        if (symbols.IsSdkClient(operation.Type) && creation.ArgumentList is { } keys)
        {
            var removed = new HashSet<int>();
            for (var i = 0; i < keys.Arguments.Count && i < operation.Constructor?.Parameters.Length; i++)
            {
                if (operation.Constructor!.Parameters[i].Name is KnownTypes.AccessKeyIdParameter or KnownTypes.SecretAccessKeyParameter or KnownTypes.SessionTokenParameter)
                {
                    removed.Add(i);
                }
            }

            return removed.Count > 0 ? PlanRemoval(keys, operation, removed) : null;
        }

        return null;
    }

    private static RemovalPlan? PlanRemoval(ArgumentListSyntax list, IObjectCreationOperation client, HashSet<int> removed) =>
        ConstructorArguments.TryRemove(list, client, removed) is { } newList ? new RemovalPlan(list, newList) : null;
}
