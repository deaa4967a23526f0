using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP401's model check: <c>[DynamoDBTable("Orders")]</c> on a model the code saves, loads, queries or deletes through
/// <c>DynamoDBContext</c> names the table in the source, like a literal in a request. Decided at compilation end, over the
/// whole compilation:
/// <list type="bullet">
/// <item>a model is used when a generic method of the DataModel API (<c>SaveAsync&lt;Order&gt;</c>, <c>LoadAsync</c>,
/// <c>QueryAsync</c>, <c>CreateBatchWrite</c>, ...) is called with it as a type argument; a call whose type argument is a
/// type parameter (a generic repository) counts for every model;</item>
/// <item>nothing is reported when the compilation maps table names itself: it writes <c>TableNamePrefix</c> or
/// <c>OverrideTableName</c> (a context or operation config, <c>AWSConfigsDynamoDB.Context</c>, a builder's
/// <c>ConfigureContext</c>) or calls <c>AWSConfigsDynamoDB.Context.AddAlias</c>/<c>AddMapping</c>: the attribute then
/// names a table per stage, not one table.</item>
/// </list>
/// </summary>
internal sealed class ModelTables
{
    private const string DynamoDBAssembly = "AWSSDK.DynamoDBv2";
    private static readonly string[] DataModelNamespace = { "Amazon", "DynamoDBv2", "DataModel" };

    private readonly LambdaSymbols _symbols;
    private readonly ConcurrentQueue<(INamedTypeSymbol Model, AttributeData Attribute)> _models = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, byte> _used = new(SymbolEqualityComparer.Default);
    private int _usedGenerically;
    private int _mapsTableNames;

    public ModelTables(LambdaSymbols symbols) => _symbols = symbols;

    /// <summary>Records a source type that carries <c>[DynamoDBTable]</c>.</summary>
    public void OnType(INamedTypeSymbol type)
    {
        if (_symbols.DynamoDBTableAttribute.IsEmpty || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (LambdaSymbols.Contains(_symbols.DynamoDBTableAttribute, attribute.AttributeClass))
            {
                _models.Enqueue((type, attribute));
                return;
            }
        }
    }

    /// <summary>A DataModel call's model type arguments, and the writes and calls that map table names.</summary>
    public void OnOperation(IOperation operation)
    {
        switch (operation)
        {
            // `AWSConfigsDynamoDB.Context.TableAliases["Orders"] = name`, `.TableAliases.Add(...)`, `.TypeMappings...`.
            case IInvocationOperation { Instance: IPropertyReferenceOperation { Property: { Name: "TableAliases" or "TypeMappings", ContainingAssembly.Name: DynamoDBAssembly } } }:
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: IPropertyReferenceOperation { Property: { Name: "TableAliases" or "TypeMappings", ContainingAssembly.Name: DynamoDBAssembly } } } }:
                Interlocked.Exchange(ref _mapsTableNames, 1);
                break;

            case IInvocationOperation { TargetMethod: { ContainingAssembly.Name: DynamoDBAssembly } method }:
                if (method.Name is "AddAlias" or "AddMapping")
                {
                    Interlocked.Exchange(ref _mapsTableNames, 1);
                }
                else if (method.IsGenericMethod && TouchesTable(method.Name) && method.ContainingType?.ContainingNamespace.IsNamespace(DataModelNamespace) == true)
                {
                    foreach (var argument in method.TypeArguments)
                    {
                        if (argument is INamedTypeSymbol named)
                        {
                            _used.TryAdd(named.OriginalDefinition, 0);
                        }
                        else if (argument is ITypeParameterSymbol)
                        {
                            Interlocked.Exchange(ref _usedGenerically, 1);
                        }
                    }
                }

                break;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "TableNamePrefix" or "OverrideTableName" } property } }
                when property.ContainingAssembly?.Name == DynamoDBAssembly:
                Interlocked.Exchange(ref _mapsTableNames, 1);
                break;
        }
    }

    /// <summary>
    /// DataModel calls that read or write the model's table: Save, Load, Delete, Query, Scan, <c>FromQuery</c>/<c>FromScan</c>,
    /// batches and transactions, <c>GetTargetTable</c>. Not <c>FromDocument</c>/<c>ToDocument</c>, which only convert.
    /// </summary>
    private static bool TouchesTable(string name)
    {
        foreach (var prefix in TablePrefixes)
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] TablePrefixes = { "Save", "Load", "Delete", "Query", "Scan", "FromQuery", "FromScan", "CreateBatch", "CreateTransact", "GetTargetTable" };

    /// <summary>
    /// The table-name literals of the used models' attributes, when the compilation does not map table names: the literal,
    /// the table name, and the model. A name given by a constant (<c>[DynamoDBTable(Tables.Orders)]</c>) is left alone:
    /// attribute arguments have no operation tree here to follow it to its declaration.
    /// </summary>
    public IEnumerable<(LiteralExpressionSyntax Literal, string TableName, INamedTypeSymbol Model)> HardCodedTables(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _mapsTableNames) != 0)
        {
            yield break;
        }

        var generic = Volatile.Read(ref _usedGenerically) != 0;
        foreach (var (model, attribute) in _models)
        {
            if ((generic || _used.ContainsKey(model))
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string { Length: > 0 } table
                && attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
                && syntax.ArgumentList.Arguments[0] is { NameEquals: null, Expression: LiteralExpressionSyntax literal })
            {
                yield return (literal, table, model);
            }
        }
    }
}
