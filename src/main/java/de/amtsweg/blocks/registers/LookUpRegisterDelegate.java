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
import org.springframework.stereotype.Component;

/**
 * Once-only register look-up. Inputs: {@code register} (the register's name), {@code resultVariable}
 * (Boolean: confirmed?), and any further inputs as the query. Also sets
 * {@code <resultVariable>Detail} with the register's reason, for the clerk.
 */
@Component("lookUpRegister")
@OutsideCall
public class LookUpRegisterDelegate implements JavaDelegate {

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
    if (register == null) {
      throw new IllegalStateException("No register '" + name + "' (known: " + registers.keySet() + ")");
    }
    Map<String, Object> query = new HashMap<>(execution.getVariablesLocal());
    CONFIG.forEach(query::remove);
    RegisterAnswer answer = register.lookUp(query);
    execution.setVariable(resultVariable, answer.confirmed());
    execution.setVariable(resultVariable + "Detail", answer.detail());
  }
}
