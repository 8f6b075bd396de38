package de.amtsweg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AmtswegApplication {

  public static void main(String[] args) {
    SpringApplication.run(AmtswegApplication.class, args);
  }
}
