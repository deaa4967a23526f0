using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP402: a region written into a Lambda project's code, where an SDK client would otherwise take it from
/// <c>AWS_REGION</c>. A region is a <c>RegionEndpoint</c> static field (<c>RegionEndpoint.USEast1</c>) or
/// <c>RegionEndpoint.GetBySystemName(<i>constant</i>)</c>; it is reported when it is
/// <list type="bullet">
/// <item>an argument of the constructor of an SDK client (<c>AmazonServiceClient</c>), <c>TransferUtility</c> or
/// <c>DynamoDBContext</c>;</item>
/// <item>assigned to the <c>RegionEndpoint</c> property of a client config (<c>ClientConfig</c>), in an object initializer or
/// an assignment, or to <c>AWSConfigs.RegionEndpoint</c>.</item>
/// </list>
/// A type (all its partial declarations) that names two or more different regions anywhere is cross-region by design and
/// is not reported: the decision is taken at the end of each type, so it holds whatever order the operations come in.
/// </summary>
public sealed class LBP402DontHardCodeRegionRule : LambdaRule
{
    /// <summary>A type whose non-test files never contain this word cannot name a region: nothing is registered for it.</summary>
    private static readonly WordSet RegionWords = WordSet.Of("RegionEndpoint");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP402_DontHardCodeRegion);

    /// <summary>Lambda projects that see <c>RegionEndpoint</c>.</summary>
    internal override bool AppliesTo(LambdaSymbols symbols) => symbols.IsLambdaProject && !symbols.RegionEndpoint.IsEmpty;

    internal override void Start(RuleStart context, LambdaCompilation compilation)
    {
        var symbols = compilation.Symbols;
        var constants = compilation.Constants;
        var settings = compilation.Settings(context.Options.AnalyzerConfigOptionsProvider);
        context.RegisterTypeStartAction(
            typeContext =>
            {
                var type = typeContext.Type;
                if (!settings.AnyNonTestFileMentions(type, RegionWords, typeContext.CancellationToken))
                {
                    return;
                }

                var regions = new TypeRegions();
                typeContext.RegisterOperationAction(
                    c =>
                    {
                        if (!TryGetRegion(c.Operation, symbols, constants, c.CancellationToken, out var region)
                            || settings.IsTest(c.Operation.Syntax.SyntaxTree))
                        {
                            return;
                        }

                        regions.AddRegion(region);
                        if (Subject(c.Operation, symbols) is { } subject)
                        {
                            regions.AddSite(c.Operation.Syntax.GetLocation(), region, subject);
                        }
                    },
                    OperationKind.FieldReference,
                    OperationKind.Invocation);
                typeContext.RegisterSymbolEndAction(regions.Report);
            });
    }

    /// <summary>
    /// The system name of the region <paramref name="operation"/> names: a <c>RegionEndpoint</c> static field, or
    /// <c>RegionEndpoint.GetBySystemName</c> with a constant name (see <see cref="ConstantStrings"/>).
    /// </summary>
    private static bool TryGetRegion(IOperation operation, LambdaSymbols symbols, ConstantStrings constants, CancellationToken cancellationToken, out string region)
    {
        region = string.Empty;
        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true } field }
                when LambdaSymbols.Contains(symbols.RegionEndpoint, field.ContainingType) && LambdaSymbols.Contains(symbols.RegionEndpoint, field.Type):
                region = RegionNames.OfField(field.Name);
                return true;

            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: KnownTypes.RegionEndpointGetBySystemName } method } invocation
                when LambdaSymbols.Contains(symbols.RegionEndpoint, method.ContainingType):
                var argument = invocation.ArgumentFor(0);
                if (constants.TryGet(argument, out var name, cancellationToken) && name.Trim().Length > 0)
                {
                    region = name.Trim();
                    return true;
                }

                return false;

            default:
                return false;
        }
    }

    /// <summary>
    /// The construct that takes the region, for the message: <c>'new AmazonS3Client(...)'</c>,
    /// <c>'AmazonS3Config.RegionEndpoint'</c>, <c>'AWSConfigs.RegionEndpoint'</c>; null when the region is used otherwise.
    /// </summary>
    private static string? Subject(IOperation region, LambdaSymbols symbols)
    {
        switch (region.WalkUpConversion(out var child))
        {
            case IArgumentOperation { Parent: IObjectCreationOperation creation } when symbols.IsClientOrClientLike(creation.Type):
                return "'new " + creation.Type!.Name + "(...)'";

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: KnownTypes.RegionEndpointProperty } property } target } assignment
                when assignment.Value == child:
                if (property.IsStatic && LambdaSymbols.Contains(symbols.AWSConfigs, property.ContainingType))
                {
                    return "'" + property.ContainingType.Name + ".RegionEndpoint'";
                }

                var configType = target.Instance?.Type ?? property.ContainingType;
                return !property.IsStatic && LambdaSymbols.InheritsFromAny(symbols.ClientConfig, configType)
                    ? "'" + configType.Name + ".RegionEndpoint'"
                    : null;

            default:
                return null;
        }
    }

    /// <summary>What one type names: every region, and the sites that hand one to a client. Written concurrently.</summary>
    private sealed class TypeRegions
    {
        private readonly object _gate = new();
        private readonly HashSet<string> _regions = new(StringComparer.Ordinal);
        private readonly List<(Location Location, string Region, string Subject)> _sites = new();

        public void AddRegion(string region)
        {
            lock (_gate)
            {
                _regions.Add(RegionNames.RegionKey(region));
            }
        }

        public void AddSite(Location location, string region, string subject)
        {
            lock (_gate)
            {
                _sites.Add((location, region, subject));
            }
        }

        public void Report(SymbolAnalysisContext context)
        {
            (Location Location, string Region, string Subject)[] sites;
            lock (_gate)
            {
                if (_regions.Count != 1 || _sites.Count == 0)
                {
                    return;
                }

                sites = _sites.ToArray();
            }

            foreach (var (location, region, subject) in sites
                .OrderBy(s => s.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(s => s.Location.SourceSpan.Start))
            {
                context.ReportOutsideGeneratedCode(Diagnostic.Create(Descriptors.LBP402_DontHardCodeRegion, location, region, subject));
            }
        }
    }
}
