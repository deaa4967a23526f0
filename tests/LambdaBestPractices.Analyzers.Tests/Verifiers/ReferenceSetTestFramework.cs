using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LambdaBestPractices.Analyzers.Tests.Conventions;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("LambdaBestPractices.Analyzers.Tests.Verifiers.ReferenceSetTestFramework", "LambdaBestPractices.Analyzers.Tests")]

namespace LambdaBestPractices.Analyzers.Tests.Verifiers;

/// <summary>
/// xunit's framework with one check before any test runs: the restored reference set (<see cref="ReferenceSets"/>) is read
/// and checked once. When it is incomplete, only <see cref="ReferenceSetTests.TheRestoredReferenceSetIsComplete"/> runs
/// and fails with a message that names every missing or unreadable assembly and says how to restore it, instead of
/// hundreds of tests failing with compiler errors. A filtered run that excludes that test reports the same message as one
/// error.
/// </summary>
public sealed class ReferenceSetTestFramework : XunitTestFramework
{
    public ReferenceSetTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor : XunitTestFrameworkExecutor
    {
        public Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
            : base(assemblyName, sourceInformationProvider, diagnosticMessageSink)
        {
        }

        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            var problems = ReferenceSets.Problems;
            if (problems.Count > 0)
            {
                var cases = testCases.ToList();
                var check = cases
                    .Where(c => c.TestMethod.TestClass.Class.Name == typeof(ReferenceSetTests).FullName
                                && c.TestMethod.Method.Name == nameof(ReferenceSetTests.TheRestoredReferenceSetIsComplete))
                    .ToList();
                if (check.Count == 0)
                {
                    executionMessageSink.OnMessage(new ErrorMessage(cases, new ReferenceSetException(ReferenceSets.Describe(problems))));
                }

                testCases = check;
            }

            base.RunTestCases(testCases, executionMessageSink, executionOptions);
        }
    }
}
