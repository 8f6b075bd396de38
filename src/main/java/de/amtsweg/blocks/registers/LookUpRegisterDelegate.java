package de.amtsweg.blocks.registers;

import de.amtsweg.blocks.Inputs;
import de.amtsweg.blocks.OutsideCall;
import de.amtsweg.integrations.registers.Register;
import de.amtsweg.integrations.registers.RegisterAnswer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Once-only register look-up. Inputs: {@code register} (the register's name), {@code resultVariable}
 * (Boolean: confirmed?), and any further inputs as the query. Also sets
 * {@code <resultVariable>Detail} with the register's reason, for the clerk. A register that is not
 * connected confirms nothing, so the case goes to a clerk instead of failing.
 */
@Component("lookUpRegister")
@OutsideCall
public class LookUpRegisterDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(LookUpRegisterDelegate.class);
  static final List<String> CONFIG = List.of("register", "resultVariable");
  private final Map<String, Register> registers;

  public LookUpRegisterDelegate(List<Register> registers) {
    this.registers = registers.stream().collect(Collectors.toMap(Register::name, Function.identity()));
  }

  @Override
  public void execute(DelegateExecution execution) {
    String name = Inputs.required(execution, "register");
    String resultVariable = Inputs.required(execution, "resultVariable");
    Register register = registers.get(name);
    RegisterAnswer answer;
    if (register == null) {
      // no adapter connected (e.g. prod without the demo registers): a clerk checks by hand
      LOG.warn("No register '{}' connected (known: {}); case {} needs a manual check", name, registers.keySet(),
          execution.getProcessBusinessKey());
      answer = new RegisterAnswer(false, "Register '" + name + "' ist nicht angebunden – bitte manuell prüfen");
    } else {
      Map<String, Object> query = new HashMap<>(execution.getVariablesLocal());
      CONFIG.forEach(query::remove);
      answer = register.lookUp(query);
    }
    execution.setVariable(resultVariable, answer.confirmed());
    execution.setVariable(resultVariable + "Detail", answer.detail());
  }
}
