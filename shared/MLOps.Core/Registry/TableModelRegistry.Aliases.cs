using Azure;
using Azure.Data.Tables;
using MLOps.Core.Audit;
using MLOps.Core.Requirements;
using MLOps.Core.Security;

namespace MLOps.Core.Registry;

/// <summary>Approval, aliases and the champion gate.</summary>
public sealed partial class TableModelRegistry
{
    public async Task<ModelVersion> SetApprovalAsync(
        string project, string name, int version, ApprovalStatus status, string principal, IReadOnlyCollection<Role> roles, string reason,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(principal);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ApprovalPolicy policy = await policies.GetPolicyAsync(project, cancellationToken);
        string target = $"{ModelUri.ForVersion(name, version)} ({project})";
        TableClient client = await this.TableAsync(cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            (TableEntity row, ModelVersion current) = await this.RequireCommittedRowAsync(project, name, version, cancellationToken);
            if (status == ApprovalStatus.Approved && policy.SeparationOfDuties && string.Equals(principal, current.CreatedBy, StringComparison.OrdinalIgnoreCase))
            {
                await audit.AppendAsync(new AuditEntry(principal, "registry.version.approval.refused", target, AuditHashing.Sha256(reason), "separation of duties: the approver created the version"), cancellationToken);
                throw new SeparationOfDutiesException(
                    $"{principal} created {target}; the {policy.Tier}-risk policy requires someone else to approve it.");
            }

            if (current.ApprovalSequence > 0 && current.Status == status && current.ApprovedBy == principal && current.ApprovalReason == reason)
            {
                // The same decision again (a retried request): nothing to write; its audit record is completed if a crash lost it.
                await this.AuditApprovalAsync(current, target, cancellationToken);
                return await this.WithPackageAsync(current, cancellationToken);
            }

            ModelVersion next = current with
            {
                Status = status,
                ApprovedBy = principal,
                ApproverRoles = [.. roles.Select(r => r.ToString()).Order(StringComparer.Ordinal)],
                ApprovalReason = reason,
                ApprovedAt = clock.GetUtcNow(),
                ApprovalSequence = current.ApprovalSequence + 1,
            };
            try
            {
                await client.UpdateEntityAsync(RegistryTableLayout.ToEntity(next), row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                continue;
            }

            await this.AuditApprovalAsync(next, target, cancellationToken);
            return await this.WithPackageAsync(next, cancellationToken);
        }
    }

    public Task<AliasMove> MoveAliasAsync(
        string project, string name, string alias, int version, string principal, int? expectedCurrent = null, string? reason = null,
        CancellationToken cancellationToken = default) =>
        this.MoveAsync(project, name, alias, version, principal, expectedCurrent, reason, rollback: false, cancellationToken);

    public async Task<AliasMove> RollbackAliasAsync(string project, string name, string alias, string principal, string? reason = null, CancellationToken cancellationToken = default)
    {
        // Replaying the history as a stack (a move pushes, a rollback pops) gives where each rollback returns to.
        var stack = new List<int>();
        foreach (AliasMove move in await this.AliasHistoryAsync(project, name, alias, cancellationToken))
        {
            if (move.Rollback)
            {
                stack.RemoveAt(stack.Count - 1);
            }
            else
            {
                stack.Add(move.ToVersion);
            }
        }

        if (stack.Count < 2)
        {
            throw new InvalidOperationException($"{ModelUri.ForAlias(name, alias)} ({project}) has no earlier version to roll back to.");
        }

        return await this.MoveAsync(project, name, alias, stack[^2], principal, stack[^1], reason, rollback: true, cancellationToken);
    }

    public async Task<IReadOnlyList<AliasMove>> AliasHistoryAsync(string project, string name, string alias, CancellationToken cancellationToken = default)
    {
        var moves = new List<AliasMove>();
        await foreach (TableEntity row in this.RangeAsync(project, RegistryTableLayout.HistoryPrefix(name, ModelAliases.Validate(alias)), cancellationToken))
        {
            moves.Add(RegistryTableLayout.MoveFrom(row));
        }

        return moves;
    }

    private async Task<AliasMove> MoveAsync(
        string project, string name, string alias, int version, string principal, int? expectedCurrent, string? reason, bool rollback,
        CancellationToken cancellationToken)
    {
        ModelAliases.Validate(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(principal);
        string target = $"{ModelUri.ForAlias(name, alias)} ({project})";
        (TableEntity versionRow, ModelVersion candidate) = await this.RequireCommittedRowAsync(project, name, version, cancellationToken);
        if (alias == ModelAliases.Champion)
        {
            await this.EnsureChampionAllowedAsync(candidate, principal, target, cancellationToken);
        }

        TableClient client = await this.TableAsync(cancellationToken);
        TableEntity? current = await this.GetRowAsync(project, RegistryTableLayout.AliasRow(name, alias), cancellationToken);
        int? from = current?.GetInt32("Version");
        long sequence = (current?.GetInt64("Moves") ?? 0) + 1;
        if (from == version && !rollback)
        {
            // Already there (a retried move): nothing to write; the move's audit record is completed if a crash lost it.
            AliasMove done = (await this.AliasHistoryAsync(project, name, alias, cancellationToken))[^1];
            await this.AuditMoveAsync(done, project, target, cancellationToken);
            return done;
        }

        var move = new AliasMove(name, alias, sequence, from, version, rollback, principal, clock.GetUtcNow(), reason);
        if (expectedCurrent is { } expected && (from ?? 0) != expected)
        {
            await this.AuditConflictAsync(move, target, $"expected v{expected} but it is at {(from is null ? "nothing" : "v" + from)}", cancellationToken);
            throw new AliasConflictException($"{target} is at {(from is null ? "nothing" : "v" + from)}, not v{expected}: another move got there first.");
        }

        var entity = new TableEntity(RegistryTableLayout.Partition(project), RegistryTableLayout.AliasRow(name, alias))
        {
            ["Version"] = version,
            ["Moves"] = sequence,
            ["MovedBy"] = principal,
            ["MovedAt"] = move.MovedAt,
        };
        try
        {
            // The alias and its history row commit together; the ETag (or Add, when unset) makes a concurrent move fail
            // whole. The target version's row is pinned by its ETag too (an empty merge), so the move only commits if the
            // version is still the committed, approved one the checks above read.
            await client.SubmitTransactionAsync(
                [
                    current is null
                        ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, current.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, RegistryTableLayout.ToEntity(move, project)),
                    new TableTransactionAction(
                        TableTransactionActionType.UpdateMerge, new TableEntity(versionRow.PartitionKey, versionRow.RowKey), versionRow.ETag),
                ],
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            await this.AuditConflictAsync(move, target, "another move or a change of the version committed between read and write", cancellationToken);
            throw new AliasConflictException($"{target} or v{version} was changed by someone else while moving it to v{version}; read it again and retry.", ex);
        }

        await this.AuditMoveAsync(move, project, target, cancellationToken);
        return move;
    }

    private Task<AuditRecord> AuditMoveAsync(AliasMove move, string project, string target, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEntry(
                move.MovedBy,
                move.Rollback ? "registry.alias.rollback" : "registry.alias.move",
                target,
                AuditHashing.Sha256(move.Reason),
                $"v{move.FromVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} -> v{move.ToVersion}{(move.Reason is null ? string.Empty : ": " + move.Reason)}",
                AuditEventIds.AliasMove(project, move.Name, move.Alias, move.Sequence)),
            cancellationToken);

    private Task<AuditRecord> AuditApprovalAsync(ModelVersion version, string target, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEntry(
                version.ApprovedBy ?? string.Empty,
                "registry.version.approval",
                target,
                AuditHashing.Sha256(version.ApprovalReason),
                $"{version.Status} by {version.ApprovedBy} [{string.Join(',', version.ApproverRoles)}]: {version.ApprovalReason}",
                AuditEventIds.VersionApproval(version.Project, version.Name, version.Version, version.ApprovalSequence)),
            cancellationToken);

    /// <summary>The version's row and its committed version; staged versions cannot be approved or aliased.</summary>
    private async Task<(TableEntity Row, ModelVersion Version)> RequireCommittedRowAsync(string project, string name, int version, CancellationToken cancellationToken)
    {
        TableEntity? row = await this.GetVersionRowAsync(project, name, version, cancellationToken);
        return row is not null && RegistryTableLayout.VersionFrom(row) is { State: ModelVersionState.Committed } committed
            ? (row, committed)
            : throw new KeyNotFoundException($"{ModelUri.ForVersion(name, version)} ({project}) does not exist{(row is null ? string.Empty : " yet: its registration has not committed")}.");
    }

    private async Task AuditConflictAsync(AliasMove move, string target, string why, CancellationToken cancellationToken) =>
        await audit.AppendAsync(
            new AuditEntry(move.MovedBy, "registry.alias.conflict", target, AuditHashing.Sha256(move.Reason), $"move to v{move.ToVersion} lost: {why}"),
            cancellationToken);

    /// <summary>
    /// The champion serves production, so the project's policy applies: the version must be Approved by a
    /// principal holding the first production approver role (ModelRiskAnalyst for high risk), and under
    /// separation of duties that approver is not its author.
    /// </summary>
    private async Task EnsureChampionAllowedAsync(ModelVersion version, string principal, string target, CancellationToken cancellationToken)
    {
        ApprovalPolicy policy = await policies.GetPolicyAsync(version.Project, cancellationToken);
        if (!policy.RequiresHumanApproval)
        {
            return;
        }

        string required = policy.ProductionApprovers[0].ToString();
        var missing = new List<string>();
        if (version.Status != ApprovalStatus.Approved)
        {
            missing.Add($"v{version.Version} is {version.Status}; it needs approval by a {required}");
        }
        else if (!version.ApproverRoles.Contains(required, StringComparer.Ordinal))
        {
            missing.Add($"v{version.Version} was approved by {version.ApprovedBy}, who does not hold {required}");
        }

        if (policy.SeparationOfDuties && string.Equals(version.ApprovedBy, version.CreatedBy, StringComparison.OrdinalIgnoreCase))
        {
            missing.Add($"the approver {version.ApprovedBy} also created v{version.Version} (separation of duties)");
        }

        if (missing.Count > 0)
        {
            await audit.AppendAsync(
                new AuditEntry(principal, "registry.alias.refused", target, null, $"champion -> v{version.Version} refused: {string.Join("; ", missing)}"),
                cancellationToken);
            throw new ApprovalRequiredException(
                $"{target} cannot move to v{version.Version} under the {policy.Tier}-risk policy: {string.Join("; ", missing)}.", missing);
        }
    }
}
