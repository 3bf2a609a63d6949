package dev.eventsourcing.example.bank;

import dev.eventsourcing.Settings;
import dev.eventsourcing.example.bank.application.Bank;
import dev.eventsourcing.example.bank.application.BankSystem;
import dev.eventsourcing.example.bank.application.Transfers;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.Transfer;
import dev.eventsourcing.system.SingleThreadedRunner;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The bank's system run single-threaded on the in-memory store: each save returns once the
 * followers have processed it, so a transfer has its outcome as soon as it is requested.
 */
public final class InMemoryBank implements BankOperations, AutoCloseable {

    private final SingleThreadedRunner runner = new SingleThreadedRunner(BankSystem.SYSTEM, Settings.empty());
    private final Bank bank;
    private final Transfers transfers;

    public InMemoryBank() {
        runner.start();
        bank = runner.get(Bank.class);
        transfers = runner.get(Transfers.class);
    }

    public Bank bank() {
        return bank;
    }

    public Transfers transfers() {
        return transfers;
    }

    @Override
    public UUID open(String fullName, String emailAddress) {
        Account account = Account.open(fullName, emailAddress);
        bank.save(account);
        return account.id();
    }

    @Override
    public void deposit(UUID account, BigDecimal amount) {
        change(account, a -> a.deposit(amount));
    }

    @Override
    public void close(UUID account) {
        change(account, Account::close);
    }

    @Override
    public UUID requestTransfer(UUID from, UUID to, BigDecimal amount) {
        return transfers.request(from, to, amount);
    }

    @Override
    public String outcome(UUID transfer) {
        Transfer t = transfers.transfers().get(transfer);
        return t.status() + (t.reason() == null ? "" : ": " + t.reason());
    }

    @Override
    public BigDecimal balance(UUID account) {
        return bank.accounts().get(account).balance();
    }

    private void change(UUID id, Consumer<Account> command) {
        Account account = bank.accounts().get(id);
        command.accept(account);
        bank.save(account);
    }

    @Override
    public void close() {
        runner.stop();
    }
}
